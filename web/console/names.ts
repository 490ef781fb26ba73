/** "Ольга Операторова" → "Ольга О." (dense lists); a single word or an empty name stays as it is. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return name.trim();
  const [first, second] = parts as [string, string];
  return `${first} ${second.slice(0, 1)}.`;
}
