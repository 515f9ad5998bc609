import { entityIndexTitle, loadEntityIndex } from "@/app/_profiles/entity-index";
import { EntityIndex } from "@/components/entity-index";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  return entityIndexTitle("topic", searchParams);
}

export default async function TopicsIndex({ searchParams }: Props) {
  return <EntityIndex type="topic" data={loadEntityIndex("topic", await searchParams)} />;
}
