import { Layout } from '../layout.js';

/** 404 for unknown ids and other people's, and any other failure a page route cannot recover from. */
export function ErrorPage({ engine, status, message }: { engine: string; status: number; message?: string }) {
  const title =
    status === 404 ? 'Not found' : status === 401 ? 'Not signed in' : status === 403 ? 'Not allowed' : status === 429 ? 'Slow down' : 'Something went wrong';
  return (
    <Layout title={title} engine={engine}>
      <h1 data-status={String(status)}>{title}</h1>
      <p>
        {message ?? (status === 404 ? 'There is nothing here, or it belongs to someone else.' : 'Something went wrong on our side. Try again in a moment.')}
      </p>
      <p>
        <a href="/">Back to the start</a> · <a href="/progress">Your progress</a>
      </p>
    </Layout>
  );
}
