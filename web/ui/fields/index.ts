// One set of form fields for the portal and the console (label, hint, error, aria wiring).
export { Field, controlClass, errorText } from './Field';
export type { FieldFrameProps, FieldIds, FieldLook } from './Field';
export { Checkbox, PasswordField, RadioGroup, Select, TextArea, TextField } from './controls';
