/**
 * Child process for the kill -9 test: creates tasks in a loop against a SQLite-backed service
 * and prints each TaskId once CreateLivePullToPush has returned (so it is acknowledged).
 * Usage: node --import tsx burst-writer.ts <dataFile>
 */

import { createTaskService } from '../../src/emulator/service/create-task-service.js';
import { formatUtcTimestamp } from '../../src/rules/index.js';

const dataFile = process.argv[2];
if (dataFile === undefined) throw new Error('usage: burst-writer.ts <dataFile>');
const service = createTaskService({ dataFile, realTimeScheduling: false });
const at = (seconds: number) => formatUtcTimestamp(new Date(service.now().getTime() + seconds * 1000));

for (let i = 0; ; i++) {
  const { TaskId } = service.handle('CreateLivePullToPush', {
    Region: 'cn-shanghai',
    TaskName: `burst-${i}`,
    StartTime: at(i % 2 === 0 ? -60 : 3600),
    EndTime: at(7200),
    SourceType: 'vod',
    SourceUrls: ['media0001'],
    DstUrl: `rtmp://push.example.com/app/burst-${i}`,
  });
  process.stdout.write(`${String(TaskId)}\n`);
}
