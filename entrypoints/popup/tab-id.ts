/** The tab named by the page's query (`popup.html?tabId=N`): a non-negative integer, else null. */
export function tabIdFromSearch(search: string): number | null {
  const value = new URLSearchParams(search).get('tabId');
  if (value === null || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
