export { FixedClock } from './fixed-clock';
export { waitFor } from './wait-for';
