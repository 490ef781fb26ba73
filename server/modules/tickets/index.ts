// The request domain's public entry for readers (numbers, rooms, how values are shown). Its
// commands (issue 12, the domain work) are the entry for writers.
export { formatTicketNumber, parseTicketNumber } from '../../../common/ticket-numbers';
export { roomsOf } from './rooms';
export { displayValue } from './tickets.presenter';
export { categoryPath } from './tickets.queries';
export { can, authorize, canSeeQueue, type TicketAction, type DomainActor } from './tickets.policy';
