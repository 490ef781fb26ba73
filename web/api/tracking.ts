// A guest's tracking tokens, one per request number, kept in localStorage so the request
// page opens again on this device without the e-mail link.
const PREFIX = 'paydesk.tracking.';

function trackingKey(number: string): string {
  return PREFIX + number;
}

export function readTrackingToken(number: string): string | null {
  try {
    return window.localStorage.getItem(trackingKey(number));
  } catch {
    return null;
  }
}

export function saveTrackingToken(number: string, token: string): void {
  try {
    window.localStorage.setItem(trackingKey(number), token);
  } catch {
    // Storage disabled: the link from the e-mail still works each time.
  }
}
