import { GeneralErrorBoundary } from "~/components/error-boundary";

// Any unknown URL: a friendly 404 inside the layout.
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
