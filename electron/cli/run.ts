import { assessmentCommand } from './commands/assessment.ts';
import { auditCommand } from './commands/audit.ts';
import { blocksCommand } from './commands/blocks.ts';
import { exportBundleCommand, importBundleCommand, receiptsCommand } from './commands/bundles.ts';
import { callCommand, callsCommand } from './commands/call.ts';
import { importLedgerCommand } from './commands/import-ledger.ts';
import { initCommand } from './commands/init.ts';
import { keysCommand } from './commands/keys.ts';
import { listsCommand } from './commands/lists.ts';
import { statsCommand } from './commands/stats.ts';
import { summaryCommand } from './commands/summary.ts';
import { examCommand, gradeCommand, verifyCertCommand } from './commands/training.ts';
import { CommandError, UsageError, type CliIo } from './io.ts';
import { takeOperatorOption } from './operator.ts';

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  init: initCommand,
  stats: statsCommand,
  calls: callsCommand,
  call: callCommand,
  lists: listsCommand,
  'import-ledger': importLedgerCommand,
  keys: keysCommand,
  'export-bundle': exportBundleCommand,
  'import-bundle': importBundleCommand,
  receipts: receiptsCommand,
  blocks: blocksCommand,
  exam: examCommand,
  grade: gradeCommand,
  'verify-cert': verifyCertCommand,
  summary: summaryCommand,
  audit: auditCommand,
  assessment: assessmentCommand,
};

const usage = `用法：qkl <命令> [选项]
  init  --db 文件 --role district|training|bureau --name 名称 [--district 分局] [--title 职务] [--json]   创建数据库并设置本节点身份（指定了 --operator 时，此人列入经办人员名单）
  stats --db 文件 [--json]                                                                各类数据的现有行数
  calls                                                                                    列出全部操作
  call  操作名 --db 文件 [--input JSON]                                                     执行一个操作并输出 JSON
  lists --db 文件 --out 文件.xlsx [--as-of YYYY-MM-DD] [--json]                           导出两项清单（使用单位清单、安全管理员清单）
  import-ledger --db 文件 台账文件 [--dry-run] [--json] [--map "表头=字段"…] [--remember] [--accept-identity-changes]
                                                                                           导入设备台账和安全管理人员（.xlsx 或 .csv）；识别字段（使用登记证编号等）的变化须加 --accept-identity-changes 才更新
  keys status|create|export|trust|list|revoke|rotate --db 文件 …                            本节点密钥与已信任的公钥（qkl keys help 查看详细用法）
  export-bundle --db 文件 --out 文件.qklb [--full] [--to 节点编号] [--json]                 导出签名加密的数据包（市局须用 --to 指定分局）
  import-bundle --db 文件 数据包.qklb [--dry-run] [--json]                                  校验并导入数据包
  receipts write --db 文件 [--out 文件夹] [--node 节点编号] [--json]                        市局为已导入的数据包出具回执
  receipts import --db 文件 回执.qklr [--json]                                              导入市局回执
  blocks list --db 文件 [--all] [--json]                                                   安全管理小组（块）：成员、牵头单位、监察人员、问题
  blocks suggest --db 文件 [--json]                                                        智能分组建议（只显示，不写入）
  exam create --db 文件 --bank 题库.xlsx --title 名称 [--pass-mark 70] [--session 编号] [--json]  导入题库并创建考试
  grade --db 文件 --exam 考试编号 --answers 答题卡.xlsx [--json]                             导入答题卡并阅卷
  verify-cert --db 文件 二维码内容 [--json]                                                 核验安全监督员证（真实、过期、撤销、伪造）
  summary --db 文件 --month YYYY-MM --out 文件.docx [--office 节点编号] [--json]              导出月度工作小结（Word 文档）
  audit verify --db 文件 [--json]                                                          核验审计日志（哈希链与已签名的锚点）；通过时退出码为 0
  assessment --db 文件 --month YYYY-MM [--out 文件.xlsx] [--json]                          市局：各分局月度考核得分（可导出考核表）
需要私钥的命令从环境变量 QKL_PASSPHRASE 读取口令。
任何命令都可加 --operator 姓名（或设环境变量 QKL_OPERATOR）：审计日志等记录此经办人；不指定时记为“命令行（操作系统用户名）”。`;

/** Runs one command; returns the exit code. Errors are one Chinese line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: string[];
  try {
    args = takeOperatorOption(argv);
  } catch (error) {
    io.err(`错误：${(error as Error).message}`);
    return 2;
  }
  const [name, ...rest] = args;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`错误：未知命令“${name}”。运行 qkl help 查看可用命令。`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    const message = (error as Error).message.replace(/\s*\n\s*/g, ' ');
    if (error instanceof UsageError) {
      io.err(`错误：${message}`);
      return 2;
    }
    if (error instanceof CommandError) {
      io.err(`错误：${message}`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`错误：参数有误（${message}）。运行 qkl help 查看用法。`);
      return 2;
    }
    io.err('错误：程序内部错误，操作未完成。');
    return 1;
  }
}
