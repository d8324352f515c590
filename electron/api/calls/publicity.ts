import { z } from 'zod';
import { anyNode, call, districtAndBureau, districtOnly } from '../call-spec.ts';
import { Id } from '../schemas/common.ts';
import { FileOutput } from '../schemas/files.ts';
import { PublicityActivity, PublicityDeleteInput, PublicityListInput, PublicitySaveInput } from '../schemas/publicity.ts';

// 宣传与进企业培训 (issue 19): see schemas/publicity.ts.
export const publicityCalls = {
  'publicity.list': call(PublicityListInput, z.array(PublicityActivity), '宣传培训活动登记簿（新的在前；可按分局、类型、日期筛选）', districtAndBureau('宣传培训活动')),
  'publicity.get': call(z.object({ id: Id.meta({ label: '编号' }) }), PublicityActivity, '读取一条宣传培训活动', anyNode),
  'publicity.save': call(PublicitySaveInput, PublicityActivity, '登记或修改一条宣传培训活动（日期、地点、对象、人数、照片）', districtOnly('宣传培训活动由分局登记；本机不是分局节点，只能查看。')),
  'publicity.delete': call(PublicityDeleteInput, z.object({ id: Id, deletedAt: z.string() }), '删除一条宣传培训活动（保留删除记录，随数据包报送）', districtOnly('宣传培训活动由分局登记；本机不是分局节点，只能查看。')),
  'publicity.photoFile': call(z.object({ attachmentId: Id.meta({ label: '附件' }) }), FileOutput, '读取一张活动照片', anyNode),
} as const;
