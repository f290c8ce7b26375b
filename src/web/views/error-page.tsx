import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

interface ErrorPageProps {
  page: PageContext;
  status: number;
  title: string;
  message: string;
  problems?: readonly { field: string; message: string }[];
}

/** 404s, bad requests and server errors: what happened in words, never a stack trace. */
export function ErrorPage({ page, status, title, message, problems = [] }: ErrorPageProps) {
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p class="lede">{message}</p>
      {problems.length > 0 && (
        <ul class="problems">
          {problems.map((problem) => (
            <li key={problem.field}>
              <strong>{problem.field}</strong>: {problem.message}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/">Go to the home page</a>
      </p>
      <p class="request-id">
        Error {status} · request <code>{page.requestId}</code>
      </p>
    </Layout>
  );
}
