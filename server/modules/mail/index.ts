// The mail module's public entry for other modules: outgoing mail (render a template, queue it in
// the caller's transaction). Mail intake is the inbox module: it calls the request domain's commands.
export { automaticMailHeaders, loadBrand, queueTemplateMail, type TemplateMail } from './mail.service';
export { renderMail, type MailBrand, type MailTemplate, type MailVars } from './templates';
