import { withApiErrors } from "@/lib/http/api-error";
import { handleLogout } from "@/lib/auth/login-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = withApiErrors(handleLogout);
