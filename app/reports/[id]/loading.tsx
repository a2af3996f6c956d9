import { PageLoading } from "../../../components/report/page-states";

export default function Loading() {
  return <PageLoading />;
}
