import { z } from 'zod';
import { anyNode, call } from '../call-spec.ts';
import { District, DistrictListInput, DistrictSaveInput } from '../schemas/district.ts';

export const districtCalls = {
  'districts.list': call(DistrictListInput, z.array(District), '分局列表', anyNode),
  'districts.save': call(DistrictSaveInput, District, '新增或修改分局', { roles: ['bureau'], forbidden: '分局列表由市局维护。请通过数据包接收市局下发的分局列表。' }),
} as const;
