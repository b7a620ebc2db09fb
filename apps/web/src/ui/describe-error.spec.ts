import { ApiError, normaliseField } from '../app/api';
import { describeError } from './describe-error';

describe('describeError', () => {
  const labels = { title: '项目名称', 'selection.bidDeadline': '竞价截止时间', quote: '报价（元）' };

  it('names the field by the label the form shows it under', () => {
    const error = new ApiError(400, 'VALIDATION.FAILED', 'title should not be empty', 'title');
    expect(describeError(error, labels, 'zh-CN')).toBe('「项目名称」有误：输入不符合要求（title should not be empty）');
    expect(describeError(error, { title: 'Title' }, 'en')).toBe('Title: title should not be empty');
  });

  it('falls back to the label of the enclosing field, then to the field path itself', () => {
    expect(describeError(new ApiError(400, 'BIDDING.QUOTE_ABOVE_CAP', 'above the cap', 'quote.amountFen'), labels, 'zh-CN')).toBe('「报价（元）」有误：above the cap');
    expect(describeError(new ApiError(400, 'X', 'bad', 'signUp.closesAt'), labels, 'en')).toBe('signUp.closesAt: bad');
  });

  it('says plainly when the server could not be reached or failed', () => {
    expect(describeError(new ApiError(0, 'NETWORK', 'Failed to fetch', null), {}, 'en')).toBe('The server cannot be reached (Failed to fetch)');
    expect(describeError(new ApiError(500, 'INTERNAL', 'internal error', null), {}, 'zh-CN')).toBe('服务器出错，请稍后再试（internal error）');
  });
});

describe('normaliseField', () => {
  it('gives domain paths (conflicts[0].reason) and validation paths (conflicts.0.reason) one spelling', () => {
    expect(normaliseField('conflicts[0].reason')).toBe('conflicts.0.reason');
    expect(normaliseField('conflicts.0.reason')).toBe('conflicts.0.reason');
    expect(normaliseField(null)).toBeNull();
  });
});
