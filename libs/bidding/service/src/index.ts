export { BiddingModule, type BiddingModuleOptions } from './bidding.module';
export { bidSealKeyFrom } from './infrastructure/bid-sealer';
