import type { IssueTexts } from '../module';

/** Texts of this module's field-problem codes (server/issues.ts picks the reader's language). */
export const CATALOG_ISSUE_TEXTS = {
  'catalog.unknown_department': {
    ru: 'Нет отдела с кодом «{code}»',
    uk: 'Немає відділу з кодом «{code}»',
    en: 'No department with the code "{code}"',
  },
  'catalog.unknown_sla': {
    ru: 'Нет политики SLA с кодом «{code}»',
    uk: 'Немає політики SLA з кодом «{code}»',
    en: 'No SLA policy with the code "{code}"',
  },
  'catalog.no_parent': { ru: 'Такой категории нет', uk: 'Такої категорії немає', en: 'No such category' },
  'catalog.leaf_parent': {
    ru: 'У конечного пункта не может быть подпунктов',
    uk: 'Кінцевий пункт не може мати підпунктів',
    en: 'A leaf cannot have children',
  },
  'catalog.other_audience': {
    ru: 'Родительская категория — для другой аудитории',
    uk: 'Батьківська категорія — для іншої аудиторії',
    en: 'The parent is of another audience',
  },
  'catalog.under_itself': {
    ru: 'Категорию нельзя перенести внутрь неё самой',
    uk: 'Категорію не можна перенести всередину неї самої',
    en: 'A category cannot move under itself',
  },
  'catalog.leaf_only_settings': {
    ru: 'Отдел, приоритет, SLA и статьи задаются только конечным пунктам',
    uk: 'Відділ, пріоритет, SLA і статті задаються лише кінцевим пунктам',
    en: 'Routing, priority, SLA and articles belong to leaves',
  },
  'catalog.not_a_child': {
    ru: '{id} не вложена в эту категорию',
    uk: '{id} не вкладена в цю категорію',
    en: '{id} is not a child of this parent',
  },
  'catalog.form_on_node': {
    ru: 'Форма бывает только у конечного пункта',
    uk: 'Форма буває лише в кінцевого пункту',
    en: 'Only leaves have forms',
  },
} as const satisfies IssueTexts;
