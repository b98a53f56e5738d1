/** The operator's privacy policy (owned by the UI work; replaced with the full formatted text). */
export function PrivacyPolicy() {
  return (
    <article className="page narrow">
      <h1>Privacy policy</h1>
    </article>
  );
}
