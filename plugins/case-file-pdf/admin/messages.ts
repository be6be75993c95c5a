// The case-file-pdf plugin's words in the console, under `plugins.case-file-pdf.*`.
import { usePluginTranslate, type PolyglotMessages } from '../../../admin/src/plugin-kit.js';

export const messages = {
  zh: {
    export: '导出卷宗',
    preview: '预览卷宗',
    hidePreview: '收起预览',
    previewTitle: '标准卷宗预览',
    hint: '按卷宗模板的装订顺序生成：封面、目录、案件概况、卷内材料清单、质量评价及所附材料。',
    exportSelected: '导出所选卷宗',
    exportFiltered: '按筛选条件导出',
    batchTitle: '卷宗批量导出',
    status: { queued: '排队中', running: '导出中', done: '已完成', failed: '导出失败', cancelled: '已取消' },
    progress: '%{done}/%{total} 件',
    skipped: '%{smart_count} 件未能导出（见压缩包内“未导出.txt”）',
    download: '下载压缩包',
    cancel: '取消导出',
    close: '关闭',
    startFailed: '无法开始导出',
  },
  en: {
    export: 'Export case file',
    preview: 'Preview case file',
    hidePreview: 'Hide preview',
    previewTitle: 'Standard case file',
    hint: "In the template's binding order: cover, catalogue, summary, materials, quality results and the bound materials.",
    exportSelected: 'Export selected case files',
    exportFiltered: 'Export all matching the filter',
    batchTitle: 'Batch export of case files',
    status: { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' },
    progress: '%{done}/%{total}',
    skipped: '%{smart_count} case could not be exported |||| %{smart_count} cases could not be exported',
    download: 'Download ZIP',
    cancel: 'Cancel export',
    close: 'Close',
    startFailed: 'Could not start the export',
  },
} satisfies PolyglotMessages;

export const useCaseFileTranslate = () => usePluginTranslate('case-file-pdf');
