import { bureauOnly, call } from '../call-spec.ts';
import { Empty } from '../schemas/common.ts';
import { CityOverview } from '../schemas/bundles.ts';

export const cityCalls = {
  'city.overview': call(Empty, CityOverview, '全市各单位数据报送概况', bureauOnly('全市数据报送概况')),
} as const;
