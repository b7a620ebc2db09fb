export { BiddingModule, type BiddingModuleOptions } from './bidding.module';
