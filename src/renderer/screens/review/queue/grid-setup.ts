import { AG_GRID_LOCALE_KR } from '@ag-grid-community/locale';
import {
  CellStyleModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  DateFilterModule,
  EventApiModule,
  GridStateModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  themeQuartz,
} from 'ag-grid-community';

/**
 * AG Grid Community, registered module by module: only what the review queue uses goes into
 * the bundle (never the enterprise package). The infinite row model asks main for pages;
 * sorting, filtering and the quick search run in SQL there.
 */
ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  RowSelectionModule,
  GridStateModule,
  LocaleModule,
  CellStyleModule,
  RowStyleModule,
  ColumnAutoSizeModule,
  ColumnApiModule,
  RowApiModule,
  ScrollApiModule,
  RenderApiModule,
  EventApiModule,
  TooltipModule,
]);

/** The app's palette and Korean type on the grid's theming API. */
export const reviewGridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans KR', 'Noto Sans CJK KR', 'Malgun Gothic', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 700,
  headerBackgroundColor: '#eef2f7',
  headerTextColor: '#1b2a41',
  accentColor: '#1f4e8c',
  selectedRowBackgroundColor: '#dbe7f6',
  rowHoverColor: '#f3f7fc',
  borderColor: '#d6dde8',
  rowHeight: 32,
  headerHeight: 36,
  spacing: 6,
  wrapperBorderRadius: 6,
});

export const GRID_LOCALE_TEXT = { ko: AG_GRID_LOCALE_KR, en: undefined } as const;
