// Seeded: the web app imports server code (web-not-server).
import { clockOwner } from '../server/platform/clock';
export const pageTitle = (): string => clockOwner();
