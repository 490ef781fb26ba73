import type { FieldDef, FileType } from '../../../common/forms/types';
import { useI18n } from '../../i18n/I18nProvider';
import { formatFileSize } from '../format';

type FilesField = Extract<FieldDef, { type: 'files' }>;

const EXTENSIONS: Record<FileType, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/heic': ['.heic', '.heif'],
  'application/pdf': ['.pdf'],
};

/** The `accept` attribute: the MIME types and their extensions (HEIC files often carry no MIME type). */
export function acceptAttribute(types: readonly FileType[]): string {
  return types.flatMap((type) => [type, ...EXTENSIONS[type]]).join(',');
}

/** "JPG, PNG, PDF" */
export function typeNames(types: readonly FileType[]): string {
  return types.map((type) => (EXTENSIONS[type][0] ?? type).slice(1).toUpperCase()).join(', ');
}

export const DEFAULT_MAX_SIZE_MB = 10;

type Props = {
  id: string;
  field: Pick<FilesField, 'key' | 'accept' | 'maxFiles' | 'maxSizeMb'>;
  files: File[];
  describedBy: string | undefined;
  invalid: true | undefined;
  /** The input's name when no field label points at it. */
  ariaLabel?: string;
  onChange: (files: File[]) => void;
};

/**
 * The web app's one file picker (the request form's files field, the portal's reply box, the
 * console composer): adds to the chosen list, with sizes and a remove button per file.
 */
export function FilePicker({ id, field, files, describedBy, invalid, ariaLabel, onChange }: Props) {
  const { t, locale } = useI18n();
  const full = files.length >= field.maxFiles;
  return (
    <div className="files">
      <div className="files__pick">
        <input
          id={id}
          name={field.key}
          type="file"
          className="files__input"
          accept={acceptAttribute(field.accept)}
          multiple={field.maxFiles > 1}
          disabled={full}
          aria-describedby={describedBy ? `${describedBy} ${id}-rules` : `${id}-rules`}
          aria-invalid={invalid}
          aria-label={ariaLabel}
          onChange={(e) => {
            const chosen = Array.from(e.target.files ?? []);
            // Reset so that choosing the same file again after removing it fires a change.
            e.target.value = '';
            if (chosen.length) onChange([...files, ...chosen]);
          }}
        />
        <label htmlFor={id} className="button button--ghost button--small files__button" aria-hidden="true">
          {files.length ? t('portal.form.files.addMore') : t('portal.form.files.choose')}
        </label>
        <span className="files__rules" id={`${id}-rules`}>
          {t('portal.form.files.rules', {
            max: field.maxFiles,
            types: typeNames(field.accept),
            size: field.maxSizeMb ?? DEFAULT_MAX_SIZE_MB,
          })}
        </span>
      </div>
      {files.length > 0 && (
        <ul className="files__list" aria-label={t('portal.form.files.chosen')}>
          {files.map((file, i) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}-${i}`} className="files__item">
              <span className="files__name">{file.name}</span>
              <span className="files__size">{formatFileSize(file.size, locale)}</span>
              <button
                type="button"
                className="files__remove"
                aria-label={t('portal.form.files.remove', { name: file.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
