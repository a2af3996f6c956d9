import { PageNotFound } from "../../../components/report/page-states";

export default function NotFound() {
  return <PageNotFound what="report" />;
}
