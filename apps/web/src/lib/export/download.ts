/** Saves bytes or text as a file through the browser's download (nothing leaves the machine). */
export function download(name: string, content: string | Uint8Array, type: string): void {
  const blob = new Blob([typeof content === 'string' ? content : content.slice().buffer], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
