import type { OperatorRules, PrefillOutcome } from '../../api/schemas/acceptance.ts';
import { isAccessory, listed } from './prefill-inspection.ts';
import type { EquipmentFact, UnitFacts } from './prefill-facts.ts';

// 6.1 作业人员证件档案: the unit's in-use kinds against the certificates its people hold
// (the registry's certificate rows, 作业项目 N1, Q2, G1 …). The A certificates of the
// safety managers are 1.1's business and never count here.

type Rule = OperatorRules['rules'][number];

function ruleFor(e: EquipmentFact, byCode: Map<string, Rule>): Rule | undefined {
  for (const code of [e.varietyCode, e.categoryCode, e.kindCode]) {
    const rule = code ? byCode.get(code) : undefined;
    if (rule) return rule;
  }
  return undefined;
}

export function operatorsOutcome(inUse: readonly EquipmentFact[], people: UnitFacts['managers'], rules: OperatorRules, asOf: string): PrefillOutcome {
  const key = 'operators';
  if (inUse.length === 0) return { key, outcome: 'unknown', summary: '台账中没有该单位的在用设备', details: [] };
  const byCode = new Map(rules.rules.map((r) => [r.code, r]));
  const groups = new Map<Rule, number>();
  let unclassified = 0;
  for (const e of inUse) {
    if (isAccessory(e)) continue;
    const rule = ruleFor(e, byCode);
    if (rule) groups.set(rule, (groups.get(rule) ?? 0) + 1);
    else if (!e.kindCode) unclassified++;
  }
  const certificates = people
    .filter((p) => p.itemCode)
    .map((p) => ({ ...p, item: p.itemCode!.trim().toUpperCase(), valid: Boolean(p.expiryDate && p.expiryDate >= asOf) }));
  const holders = (items: readonly string[]) => certificates.filter((c) => items.includes(c.item));

  const lines: string[] = [];
  const details: string[] = [];
  const needed = new Set<string>();
  let missing = 0;
  // the larger groups first, then in the data file's order
  const ordered = rules.rules.filter((r) => groups.has(r)).sort((x, y) => groups.get(y)! - groups.get(x)!);
  for (const rule of ordered) {
    const count = groups.get(rule)!;
    const head = `${rule.label} ${count} 台`;
    if (rule.requirements.length === 0) details.push(`${head}：${rule.note ?? '不需作业人员证'}`);
    for (const req of rule.requirements) {
      req.items.forEach((i) => needed.add(i));
      const held = holders(req.items);
      const valid = held.filter((c) => c.valid).length;
      const expired = held.length - valid;
      const codes = req.items.join('/');
      const expiredNote = expired > 0 ? `（另有 ${expired} 人证书已过期或未填有效期）` : '';
      if (req.need === 'required') {
        if (valid === 0) missing++;
        lines.push(`${head}：${valid > 0 ? `持 ${codes} 证 ${valid} 人` : `无 ${codes} 证`}${expiredNote}`);
      } else {
        details.push(`${head}：${req.note ?? ''}需 ${codes} 证，持证 ${valid} 人${expiredNote}`);
      }
    }
  }
  for (const item of needed) {
    const held = holders([item]);
    if (held.length > 0) details.push(`${item} ${rules.items[item] ?? ''}：${held.map((c) => `${c.name}（至 ${c.expiryDate ?? '未填'}）`).join('、')}`);
  }
  if (unclassified > 0) details.push(`另有 ${unclassified} 台在用设备未填设备种类，无法判断所需证件`);

  if (lines.length === 0) {
    return { key, outcome: 'unknown', summary: '按在用设备的种类，本单位一般不需要持证作业人员；请按实际作业情况核对', details: listed(details) };
  }
  return { key, outcome: missing > 0 ? 'fail' : 'pass', summary: lines.join('；'), details: listed(details) };
}
