import type { Messages } from './zh-CN.ts';

// English for the window's own words (same keys as host.zh-CN.ts).
export const hostEn: Messages['host'] = {
  core: {
    stopped: 'The data service stopped unexpectedly; the last operation may not have finished (unfinished writes were undone by the database).',
    restart: 'Restart the data service',
    restarting: 'Restarting…',
    restarted: 'The data service is running again; reloading the page…',
    restartFailed: 'Restart failed: {{message}}',
  },
  files: {
    dropHint: 'Release to open the bundle',
    dropNotBundle: 'Only bundles (.qklb files) can be dropped here. Upload other files with “Choose file” on their page.',
    dropFailed: 'Could not open the dropped bundle: {{message}}',
  },
  save: {
    saveAs: 'Save as…',
    download: 'Download',
    saving: 'Saving…',
    savedTo: 'Saved to {{location}}',
    downloaded: 'Download started; see the browser’s downloads',
    failed: 'Saving failed: {{message}}',
  },
  pdf: {
    save: 'Save as PDF',
    saving: 'Making the PDF…',
    savedTo: 'PDF saved to {{location}}',
    browserHint: 'Browser mode: choose “Save as PDF” as the printer in the print dialog.',
    failed: 'Making the PDF failed: {{message}}',
    plaqueName: 'Demonstration unit plaque certificate',
  },
};
