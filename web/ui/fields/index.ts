// One set of form fields for the portal and the console (label, hint, error, aria wiring).
export { Field, errorText } from './Field';
export type { FieldFrameProps, FieldIds } from './Field';
export { Checkbox, PasswordField, Select, TextArea, TextField } from './controls';
