// Problems as a list under a heading, announced when they appear. Renders nothing when there are none.
export function ErrorList({ title, errors }: { title: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-list" role="alert">
      <p class="error">{title}</p>
      <ul>
        {errors.map((error, i) => (
          <li key={i}>{error}</li>
        ))}
      </ul>
    </div>
  );
}
