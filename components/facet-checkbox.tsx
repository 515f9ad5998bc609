"use client";

import { useEffect, useRef } from "react";

/**
 * A facet value's checkbox. The URL is the state: after Back/Forward, or any navigation, it shows
 * what the address says. It is synced in place rather than remounted, so the control a reader
 * just toggled keeps the focus; Enter toggles it as Space does.
 */
export function FacetCheckbox({ name, value, selected, describedBy }: { name: string; value: string; selected: boolean; describedBy: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.checked = selected;
  }, [selected]);
  return (
    <input
      ref={ref}
      type="checkbox"
      name={name}
      value={value}
      defaultChecked={selected}
      aria-describedby={describedBy}
      onKeyDown={(e) => {
        if (e.key !== "Enter") return;
        // Not the form's implicit submit: Enter on a filter toggles it.
        e.preventDefault();
        e.currentTarget.click();
      }}
      className="mt-1 h-4 w-4 accent-sky-700"
    />
  );
}
