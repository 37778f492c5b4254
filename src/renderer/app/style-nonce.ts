/**
 * The nonce main gave this page load (index.html's style-nonce meta tag). Components that
 * must write <style> elements (the review grid's theme) pass it on; without one (an unserved
 * placeholder) they get none and the CSP keeps their styles out.
 */
export function pageStyleNonce(): string | undefined {
  const value = document.querySelector<HTMLMetaElement>('meta[name="style-nonce"]')?.content;
  return value && !value.startsWith('__') ? value : undefined;
}
