/**
 * The demo catalogue of the contact-support wizard: top categories, their sub-items and the
 * leaves with routing, priority, SLA, the help-centre answers offered before the form, and the
 * form itself. The content follows how customers of e-wallet and terminal networks describe
 * their support (see ../shared/seeds and PRODUCT.md "Customer side" 2). Phone numbers are fictional.
 */
import type { FieldDef, FileType, FormDef, L10n } from '../../common/forms/types';

export type DemoDepartment = 'first_line' | 'tech_support' | 'security' | 'terminals' | 'agent_support';
export type DemoSla = 'standard' | 'quick' | 'complaint' | 'security_urgent';
export type DemoCategory = {
  /** Unique across the whole tree, kebab-case, stable. */
  slug: string;
  name: L10n;
  /** One short sentence: what the item covers (and, where it matters, what it does not). */
  hint: L10n;
  audience: 'customer' | 'agent';
  /** A node has children XOR leaf. */
  children?: DemoCategory[];
  leaf?: {
    department: DemoDepartment;
    priority: 'low' | 'normal' | 'high' | 'urgent';
    /** standard: up to 5 business days; quick: within 24 h; complaint: 3 business days; security_urgent: 1 h, 24/7. */
    sla: DemoSla;
    /** Help-centre article slugs offered before the form (server/seed/demo-articles.ts). */
    articles: string[];
    form: FormDef;
  };
};

type Leaf = NonNullable<DemoCategory['leaf']>;
type Audience = DemoCategory['audience'];

const t = (ru: string, uk: string, en: string): L10n => ({ ru, uk, en });
const opt = (value: string, ru: string, uk: string, en: string) => ({ value, label: t(ru, uk, en) });

const node = (slug: string, name: L10n, hint: L10n, children: DemoCategory[], audience: Audience = 'customer'): DemoCategory => ({
  slug,
  name,
  hint,
  audience,
  children,
});

const leaf = (slug: string, name: L10n, hint: L10n, def: Leaf, audience: Audience = 'customer'): DemoCategory => ({
  slug,
  name,
  hint,
  audience,
  leaf: def,
});

// ---------------------------------------------------------------------------------------------
// Fields used by many forms
// ---------------------------------------------------------------------------------------------

const IMAGES: FileType[] = ['image/jpeg', 'image/png', 'image/heic'];
const IMAGES_AND_PDF: FileType[] = ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'];

const wallet = (required = true): FieldDef => ({
  key: 'wallet',
  type: 'wallet',
  required,
  label: t('Номер кошелька', 'Номер гаманця', 'Wallet number'),
  help: t(
    'Номер кошелька — это номер телефона его владельца, например +7 900 000-00-00.',
    'Номер гаманця — це номер телефону його власника, наприклад +7 900 000-00-00.',
    "The wallet number is its owner's phone number, e.g. +7 900 000-00-00.",
  ),
});

const passport = (required = true): FieldDef => ({
  key: 'passport_data',
  type: 'text',
  required,
  personal: true,
  maxLength: 60,
  label: t('Серия и номер паспорта', 'Серія та номер паспорта', 'Passport series and number'),
  help: t(
    'Нужны, чтобы убедиться, что вы владелец кошелька: без идентификации мы не сообщаем сведения о счёте.',
    'Потрібні, щоб переконатися, що ви власник гаманця: без ідентифікації ми не повідомляємо відомостей про рахунок.',
    'We need them to make sure you own the wallet: we disclose nothing about an account without identification.',
  ),
});

const contactPhone = (required = true): FieldDef => ({
  key: 'contact_phone',
  type: 'phone',
  required,
  label: t('Телефон для связи', 'Телефон для зв’язку', 'Contact phone'),
  help: t(
    'Специалист может позвонить, чтобы уточнить детали. Ответ придёт на ваш e-mail.',
    'Фахівець може зателефонувати, щоб уточнити деталі. Відповідь надійде на ваш e-mail.',
    'A specialist may call you to clarify details. The answer will come to your e-mail.',
  ),
});

const operationAt = (required = true, key = 'operation_at'): FieldDef => ({
  key,
  type: 'datetime',
  required,
  notFuture: true,
  label: t('Дата и время операции', 'Дата і час операції', 'Date and time of the operation'),
  help: t('Как в истории операций.', 'Як в історії операцій.', 'As shown in the operation history.'),
});

const terminalPaymentAt = (): FieldDef => ({
  key: 'payment_at',
  type: 'datetime',
  required: true,
  notFuture: true,
  label: t('Дата и время платежа', 'Дата і час платежу', 'Date and time of the payment'),
  help: t(
    'Напечатаны в чеке; если чека нет — укажите примерно.',
    'Надруковані в чеку; якщо чека немає — вкажіть приблизно.',
    'Printed on the receipt; without a receipt give an approximate time.',
  ),
});

type MoneyField = Extract<FieldDef, { type: 'money' }>;

const amount = (currencies: Array<'RUB' | 'USD' | 'EUR' | 'KZT'>, required = true, key = 'amount'): MoneyField => ({
  key,
  type: 'money',
  currencies,
  required,
  min: 1,
  label: t('Сумма', 'Сума', 'Amount'),
});

const terminalId = (required = true): FieldDef => ({
  key: 'terminal_id',
  type: 'terminal_id',
  required,
  label: t('Номер терминала', 'Номер термінала', 'Terminal number'),
  help: t(
    'Только цифры, от 4 до 10. Нажмите кнопку «i» на экране терминала — в открывшемся окне показан его номер. Номер также напечатан в чеке.',
    'Лише цифри, від 4 до 10. Натисніть кнопку «i» на екрані термінала — у вікні, що відкриється, буде його номер. Номер також надруковано в чеку.',
    'Digits only, 4 to 10 of them. Press the "i" button on the terminal screen: the window that opens shows its number. The number is also printed on the receipt.',
  ),
});

const receiptNumber = (required = true): FieldDef => ({
  key: 'receipt_number',
  type: 'receipt_number',
  required,
  label: t('Номер чека', 'Номер чека', 'Receipt number'),
  help: t(
    'Номер квитанции или транзакции из чека терминала.',
    'Номер квитанції або транзакції з чека термінала.',
    'The receipt or transaction number printed by the terminal.',
  ),
});

const receiptScan = (required = true): FieldDef => ({
  key: 'receipt_scan',
  type: 'files',
  required,
  accept: IMAGES_AND_PDF,
  maxFiles: 3,
  maxSizeMb: 10,
  label: t('Скан или фото чека', 'Скан або фото чека', 'Scan or photo of the receipt'),
  help: t(
    'Все цифры чека должны читаться.',
    'Усі цифри чека мають бути читабельними.',
    'Every figure on the receipt must be readable.',
  ),
});

const screenshots = (): FieldDef => ({
  key: 'screenshots',
  type: 'files',
  accept: IMAGES,
  maxFiles: 3,
  maxSizeMb: 10,
  label: t('Скриншоты', 'Скриншоти', 'Screenshots'),
  help: t(
    'Снимок экрана с ошибкой или операцией в истории. Не снимайте SMS-коды и пароли.',
    'Знімок екрана з помилкою або операцією в історії. Не знімайте SMS-коди та паролі.',
    'A screenshot of the error or of the operation in the history. Never capture SMS codes or passwords.',
  ),
});

const errorText = (): FieldDef => ({
  key: 'error_text',
  type: 'text',
  maxLength: 300,
  label: t('Текст ошибки', 'Текст помилки', 'Error message'),
  help: t(
    'Скопируйте сообщение, которое вы видите, если оно есть.',
    'Скопіюйте повідомлення, яке ви бачите, якщо воно є.',
    'Copy the message you see, if there is one.',
  ),
});

const cardLast4 = (condition?: FieldDef['condition']): FieldDef => ({
  key: 'card_last4',
  type: 'text',
  required: true,
  pattern: '^[0-9]{4}$',
  minLength: 4,
  maxLength: 4,
  label: t('Последние 4 цифры карты', 'Останні 4 цифри картки', 'Last 4 digits of the card'),
  help: t(
    'Никогда не указывайте полный номер карты, срок действия и CVC.',
    'Ніколи не вказуйте повний номер картки, строк дії та CVC.',
    'Never give the full card number, the expiry date or the CVC.',
  ),
  ...(condition ? { condition } : {}),
});

const agentContract = (required = true): FieldDef => ({
  key: 'agent_contract',
  type: 'text',
  required,
  maxLength: 40,
  label: t('Номер агентского договора', 'Номер агентського договору', 'Agent agreement number'),
  help: t(
    'Указан в договоре и в личном кабинете агента.',
    'Зазначений у договорі та в особистому кабінеті агента.',
    "Shown in the agreement and in the agent's account.",
  ),
});

const periodFrom = (required = true): FieldDef => ({
  key: 'period_from',
  type: 'date',
  required,
  notFuture: true,
  label: t('Период: с', 'Період: з', 'Period from'),
});

const periodTo = (required = true): FieldDef => ({
  key: 'period_to',
  type: 'date',
  required,
  notFuture: true,
  notBefore: 'period_from',
  label: t('Период: по', 'Період: по', 'Period to'),
});

const PROBLEM = t('Опишите проблему', 'Опишіть проблему', 'Describe the problem');

/** Every form ends with it. */
const description = (help: L10n, label: L10n = PROBLEM): FieldDef => ({
  key: 'description',
  type: 'textarea',
  required: true,
  minLength: 10,
  maxLength: 4000,
  label,
  help,
});

// ---------------------------------------------------------------------------------------------
// Кошелёк
// ---------------------------------------------------------------------------------------------

const walletSection = node(
  'wallet',
  t('Кошелёк', 'Гаманець', 'Wallet'),
  t(
    'Вход, пароль и коды, блокировка, платежи и переводы, карты, выписки и уведомления кошелька paydesk.',
    'Вхід, пароль і коди, блокування, платежі й перекази, картки, виписки та сповіщення гаманця paydesk.',
    'Sign-in, password and codes, blocking, payments and transfers, cards, statements and notifications of the paydesk wallet.',
  ),
  [
    node(
      'wallet-access',
      t('Вход и пароль', 'Вхід і пароль', 'Sign-in and password'),
      t(
        'Не получается войти, забыли пароль, не приходит SMS-код, нужна идентификация.',
        'Не вдається увійти, забули пароль, не надходить SMS-код, потрібна ідентифікація.',
        'Cannot sign in, forgot the password, no SMS code, identification needed.',
      ),
      [
        leaf(
          'wallet-login-problem',
          t('Не получается войти в кошелёк', 'Не вдається увійти в гаманець', 'Cannot sign in to the wallet'),
          t(
            'Ошибка при входе или кошелёк не открывается после ввода пароля; если пароль забыт — «Восстановление пароля».',
            'Помилка під час входу або гаманець не відкривається після введення пароля; якщо пароль забуто — «Відновлення пароля».',
            'An error at sign-in or the wallet does not open after the password; for a forgotten password see "Password recovery".',
          ),
          {
            department: 'tech_support',
            priority: 'normal',
            sla: 'quick',
            articles: ['login-problems', 'password-recovery', 'app-not-working', 'write-without-account'],
            form: {
              fields: [
                wallet(),
                {
                  key: 'where',
                  type: 'select',
                  required: true,
                  label: t('Где вы входите', 'Де ви входите', 'Where do you sign in'),
                  options: [
                    opt('web', 'На сайте', 'На сайті', 'On the website'),
                    opt('android', 'В приложении для Android', 'У застосунку для Android', 'In the Android app'),
                    opt('ios', 'В приложении для iPhone', 'У застосунку для iPhone', 'In the iPhone app'),
                  ],
                },
                errorText(),
                screenshots(),
                description(
                  t(
                    'Что происходит, когда вы пытаетесь войти, и с какого времени.',
                    'Що відбувається, коли ви намагаєтеся увійти, і з якого часу.',
                    'What happens when you try to sign in, and since when.',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'wallet-password-recovery',
          t('Восстановление пароля', 'Відновлення пароля', 'Password recovery'),
          t(
            'Не удалось восстановить пароль самостоятельно по SMS или номер телефона больше недоступен.',
            'Не вдалося відновити пароль самостійно через SMS або номер телефону більше недоступний.',
            'You could not recover the password by SMS yourself, or the phone number is no longer available.',
          ),
          {
            department: 'tech_support',
            priority: 'normal',
            sla: 'quick',
            articles: ['password-recovery', 'sms-code-not-received', 'identification'],
            form: {
              fields: [
                wallet(),
                {
                  key: 'phone_available',
                  type: 'select',
                  required: true,
                  label: t(
                    'Есть ли у вас доступ к номеру кошелька',
                    'Чи маєте ви доступ до номера гаманця',
                    'Do you still have the wallet phone number',
                  ),
                  options: [
                    opt('yes', 'Да, SIM-карта у меня', 'Так, SIM-картка в мене', 'Yes, I have the SIM card'),
                    opt(
                      'no',
                      'Нет, номер утерян или сменился',
                      'Ні, номер втрачено або змінено',
                      'No, the number is lost or changed',
                    ),
                  ],
                },
                {
                  key: 'new_phone',
                  type: 'phone',
                  required: true,
                  condition: { field: 'phone_available', equals: 'no' },
                  label: t('Ваш новый номер телефона', 'Ваш новий номер телефону', 'Your new phone number'),
                  help: t(
                    'По нему специалист свяжется с вами для идентификации.',
                    'За ним фахівець зв’яжеться з вами для ідентифікації.',
                    'A specialist will call you on it to identify you.',
                  ),
                },
                passport(),
                description(
                  t(
                    'Что вы уже пробовали и на каком шаге восстановление не получилось.',
                    'Що ви вже пробували і на якому кроці відновлення не вдалося.',
                    'What you have tried and at which step the recovery failed.',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'wallet-sms-code',
          t('Не приходит SMS-код', 'Не надходить SMS-код', 'No SMS code'),
          t(
            'Коды для входа, подтверждения платежей или восстановления пароля не приходят на телефон.',
            'Коди для входу, підтвердження платежів або відновлення пароля не надходять на телефон.',
            'Codes for sign-in, payment confirmation or password recovery do not reach your phone.',
          ),
          {
            department: 'tech_support',
            priority: 'high',
            sla: 'quick',
            articles: ['sms-code-not-received', 'sms-confirmation'],
            form: {
              fields: [
                wallet(),
                {
                  key: 'code_purpose',
                  type: 'select',
                  required: true,
                  label: t('Для чего нужен код', 'Для чого потрібен код', 'What is the code for'),
                  options: [
                    opt('login', 'Вход в кошелёк', 'Вхід у гаманець', 'Signing in'),
                    opt('payment', 'Подтверждение платежа', 'Підтвердження платежу', 'Confirming a payment'),
                    opt('recovery', 'Восстановление пароля', 'Відновлення пароля', 'Password recovery'),
                  ],
                },
                {
                  key: 'other_sms_arrive',
                  type: 'checkbox',
                  label: t(
                    'Другие SMS на этот номер приходят',
                    'Інші SMS на цей номер надходять',
                    'Other text messages reach this number',
                  ),
                },
                description(
                  t(
                    'С какого времени не приходят коды и что вы уже проверили. Никогда не пишите сюда сами коды.',
                    'З якого часу не надходять коди і що ви вже перевірили. Ніколи не пишіть сюди самі коди.',
                    'Since when the codes have not arrived and what you have checked. Never write the codes themselves here.',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'wallet-identification',
          t('Идентификация', 'Ідентифікація', 'Identification'),
          t(
            'Проверка паспортных данных, статус идентификации, данные не совпадают.',
            'Перевірка паспортних даних, статус ідентифікації, дані не збігаються.',
            'Passport check, identification status, data that do not match.',
          ),
          {
            department: 'tech_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['identification'],
            form: {
              fields: [
                wallet(),
                {
                  key: 'question',
                  type: 'select',
                  required: true,
                  label: t('Ваш вопрос', 'Ваше питання', 'Your question'),
                  options: [
                    opt('status', 'Статус проверки', 'Статус перевірки', 'Status of the check'),
                    opt('rejected', 'Данные не приняты', 'Дані не прийнято', 'Data were rejected'),
                    opt('change', 'Изменились паспортные данные', 'Змінилися паспортні дані', 'My passport data changed'),
                  ],
                },
                description(
                  t(
                    'Когда вы отправили данные и какой ответ получили.',
                    'Коли ви надіслали дані і яку відповідь отримали.',
                    'When you sent the data and what answer you got.',
                  ),
                ),
              ],
            },
          },
        ),
      ],
    ),
    leaf(
      'wallet-blocked',
      t('Кошелёк заблокирован', 'Гаманець заблоковано', 'Wallet blocked'),
      t(
        'Кошелёк заблокирован, а чужих операций не было: узнать причину и снять блокировку. Если были операции, которых вы не совершали, — «Служба безопасности».',
        'Гаманець заблоковано, а чужих операцій не було: дізнатися причину й зняти блокування. Якщо були операції, яких ви не здійснювали, — «Служба безпеки».',
        'Your wallet is blocked and there were no operations by others: find out why and lift the block. Operations you did not make go to "Security service".',
      ),
      {
        department: 'tech_support',
        priority: 'high',
        sla: 'quick',
        articles: ['wallet-blocked', 'withdrawal-limits', 'sms-confirmation', 'identification'],
        form: {
          fields: [
            wallet(),
            passport(),
            {
              key: 'blocked_on',
              type: 'date',
              required: true,
              notFuture: true,
              label: t('Когда вы заметили блокировку', 'Коли ви помітили блокування', 'When did you notice the block'),
            },
            {
              key: 'before_block',
              type: 'select',
              label: t('Что было перед блокировкой', 'Що було перед блокуванням', 'What happened before the block'),
              help: t('Поможет быстрее найти причину.', 'Допоможе швидше знайти причину.', 'It helps to find the reason faster.'),
              options: [
                opt(
                  'new_device',
                  'Вход с нового устройства или из другой сети',
                  'Вхід з нового пристрою або з іншої мережі',
                  'Sign-in from a new device or network',
                ),
                opt('card_withdrawal', 'Вывод денег на карту', 'Виведення грошей на картку', 'Withdrawal to a card'),
                opt(
                  'incoming_transfer',
                  'Поступил перевод от незнакомого человека',
                  'Надійшов переказ від незнайомої людини',
                  'A transfer from a stranger arrived',
                ),
                opt(
                  'sms_off',
                  'Отключал SMS-подтверждение платежей',
                  'Вимикав SMS-підтвердження платежів',
                  'I turned off SMS confirmation of payments',
                ),
                opt('nothing', 'Ничего необычного', 'Нічого незвичного', 'Nothing unusual'),
              ],
            },
            {
              key: 'block_message',
              type: 'text',
              maxLength: 300,
              label: t('Текст сообщения о блокировке', 'Текст повідомлення про блокування', 'Text of the block message'),
            },
            description(
              t(
                'Что именно не работает: вход, платежи или вывод денег.',
                'Що саме не працює: вхід, платежі чи виведення грошей.',
                'What exactly does not work: sign-in, payments or withdrawals.',
              ),
            ),
          ],
        },
      },
    ),
    node(
      'wallet-payments',
      t('Платежи и переводы', 'Платежі та перекази', 'Payments and transfers'),
      t(
        'Ошибка при оплате, деньги списались, но не дошли, ошибка в реквизитах.',
        'Помилка під час оплати, гроші списано, але не дійшли, помилка в реквізитах.',
        'A payment error, money debited but not received, wrong details.',
      ),
      [
        leaf(
          'wallet-payment-failed',
          t('Ошибка при оплате', 'Помилка під час оплати', 'Payment error'),
          t(
            'Платёж из кошелька не проходит, форма зависла или выдаёт ошибку, деньги не списаны.',
            'Платіж з гаманця не проходить, форма зависла або видає помилку, гроші не списано.',
            'A payment from the wallet fails, the form hangs or shows an error, no money was debited.',
          ),
          {
            department: 'tech_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['payment-error', 'check-payment-status', 'maintenance'],
            form: {
              fields: [
                wallet(),
                {
                  key: 'service',
                  type: 'text',
                  required: true,
                  maxLength: 200,
                  label: t('Что вы оплачивали', 'Що ви оплачували', 'What were you paying for'),
                  help: t(
                    'Например: мобильная связь, интернет-магазин, ЖКХ.',
                    'Наприклад: мобільний зв’язок, інтернет-магазин, комунальні послуги.',
                    'For example: mobile service, an online shop, utilities.',
                  ),
                },
                operationAt(),
                amount(['RUB', 'USD', 'EUR', 'KZT']),
                errorText(),
                screenshots(),
                description(
                  t(
                    'На каком шаге появилась ошибка и повторяется ли она.',
                    'На якому кроці з’явилася помилка і чи повторюється вона.',
                    'At which step the error appeared and whether it repeats.',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'wallet-money-lost',
          t('Деньги списались, но не дошли', 'Гроші списано, але вони не дійшли', 'Money debited but not received'),
          t(
            'Операция в истории прошла, а получатель денег не получил. Пропавшие деньги сначала ищет техподдержка.',
            'Операція в історії пройшла, а одержувач грошей не отримав. Зниклі гроші спочатку шукає техпідтримка.',
            'The operation shows as done but the recipient has not got the money. Technical support looks for lost money first.',
          ),
          {
            department: 'tech_support',
            priority: 'high',
            sla: 'standard',
            articles: ['transfer-not-arrived', 'check-payment-status', 'withdrawal-limits'],
            form: {
              fields: [
                wallet(),
                {
                  key: 'operation_type',
                  type: 'select',
                  required: true,
                  label: t('Тип операции', 'Тип операції', 'Type of operation'),
                  options: [
                    opt(
                      'wallet_transfer',
                      'Перевод на другой кошелёк',
                      'Переказ на інший гаманець',
                      'Transfer to another wallet',
                    ),
                    opt(
                      'card_transfer',
                      'Перевод на банковскую карту',
                      'Переказ на банківську картку',
                      'Transfer to a bank card',
                    ),
                    opt(
                      'bank_transfer',
                      'Перевод на банковский счёт',
                      'Переказ на банківський рахунок',
                      'Transfer to a bank account',
                    ),
                    opt('service_payment', 'Оплата услуг', 'Оплата послуг', 'Payment for services'),
                  ],
                },
                {
                  key: 'recipient',
                  type: 'text',
                  required: true,
                  maxLength: 200,
                  label: t('Получатель', 'Одержувач', 'Recipient'),
                  help: t(
                    'Номер кошелька, последние 4 цифры карты, номер счёта или название услуги.',
                    'Номер гаманця, останні 4 цифри картки, номер рахунку або назва послуги.',
                    'Wallet number, last 4 digits of the card, account number or service name.',
                  ),
                },
                operationAt(),
                amount(['RUB', 'USD', 'EUR', 'KZT']),
                {
                  key: 'transaction_id',
                  type: 'text',
                  maxLength: 60,
                  label: t('Номер операции', 'Номер операції', 'Operation number'),
                  help: t(
                    'Есть в подробностях операции в истории.',
                    'Є в подробицях операції в історії.',
                    'Shown in the operation details in the history.',
                  ),
                },
                screenshots(),
                description(
                  t(
                    'Какой статус у операции в истории и что говорит получатель.',
                    'Який статус має операція в історії і що каже одержувач.',
                    'What status the operation has in the history and what the recipient says.',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'wallet-wrong-details',
          t('Ошибка в реквизитах перевода', 'Помилка в реквізитах переказу', 'Wrong transfer details'),
          t(
            'Перевели деньги не тому получателю или ошиблись в номере счёта, карты, кошелька.',
            'Переказали гроші не тому одержувачу або помилилися в номері рахунку, картки, гаманця.',
            'You sent money to the wrong recipient or mistyped an account, card or wallet number.',
          ),
          {
            department: 'tech_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['wrong-transfer-details', 'check-payment-status'],
            form: {
              fields: [
                wallet(),
                operationAt(),
                amount(['RUB', 'USD', 'EUR', 'KZT']),
                {
                  key: 'wrong_details',
                  type: 'text',
                  required: true,
                  maxLength: 200,
                  label: t('Какие реквизиты вы указали', 'Які реквізити ви вказали', 'The details you entered'),
                },
                {
                  key: 'correct_details',
                  type: 'text',
                  required: true,
                  maxLength: 200,
                  label: t('Какие реквизиты должны были быть', 'Які реквізити мали бути', 'The correct details'),
                },
                description(
                  t(
                    'Как произошла ошибка и связывались ли вы с получателем.',
                    'Як сталася помилка і чи зв’язувалися ви з одержувачем.',
                    'How the mistake happened and whether you have contacted the recipient.',
                  ),
                ),
              ],
            },
          },
        ),
      ],
    ),
    node(
      'wallet-cards',
      t('Банковские карты', 'Банківські картки', 'Bank cards'),
      t(
        'Привязка карты к кошельку и ПИН-код карты paydesk. Блокировка карты — в «Службе безопасности».',
        'Прив’язка картки до гаманця та ПІН-код картки paydesk. Блокування картки — у «Службі безпеки».',
        'Linking a card to the wallet and the PIN of a paydesk card. A blocked card goes to "Security service".',
      ),
      [
        leaf(
          'wallet-card-linking',
          t('Не получается привязать карту', 'Не вдається прив’язати картку', 'Cannot link a card'),
          t(
            'Карта не привязывается к кошельку или привязка отклоняется с ошибкой.',
            'Картка не прив’язується до гаманця або прив’язку відхилено з помилкою.',
            'A card will not link to the wallet or the linking is rejected with an error.',
          ),
          {
            department: 'tech_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['card-linking'],
            form: {
              fields: [
                wallet(),
                cardLast4(),
                {
                  key: 'bank',
                  type: 'text',
                  maxLength: 100,
                  label: t('Банк, выпустивший карту', 'Банк, що випустив картку', 'Issuing bank'),
                },
                errorText(),
                screenshots(),
                description(
                  t(
                    'На каком шаге привязка не проходит и пробовали ли вы другую карту.',
                    'На якому кроці прив’язка не проходить і чи пробували ви іншу картку.',
                    'At which step linking fails and whether you have tried another card.',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'wallet-pin-recovery',
          t('Восстановление ПИН-кода', 'Відновлення ПІН-коду', 'PIN recovery'),
          t(
            'Забыли ПИН-код карты paydesk или он заблокирован после неверных попыток.',
            'Забули ПІН-код картки paydesk або його заблоковано після невдалих спроб.',
            'You forgot the PIN of your paydesk card or it is blocked after wrong attempts.',
          ),
          {
            department: 'tech_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['pin-recovery', 'card-blocked'],
            form: {
              fields: [
                wallet(),
                cardLast4(),
                {
                  key: 'card_kind',
                  type: 'select',
                  required: true,
                  label: t('Вид карты', 'Вид картки', 'Card type'),
                  options: [
                    opt('plastic', 'Пластиковая', 'Пластикова', 'Plastic'),
                    opt('virtual', 'Виртуальная', 'Віртуальна', 'Virtual'),
                  ],
                },
                {
                  key: 'pin_blocked',
                  type: 'checkbox',
                  label: t(
                    'ПИН-код заблокирован после неверных попыток',
                    'ПІН-код заблоковано після невдалих спроб',
                    'The PIN is blocked after wrong attempts',
                  ),
                },
                description(
                  t(
                    'Что случилось с ПИН-кодом. Никогда не пишите сам ПИН-код.',
                    'Що сталося з ПІН-кодом. Ніколи не пишіть сам ПІН-код.',
                    'What happened to the PIN. Never write the PIN itself.',
                  ),
                ),
              ],
            },
          },
        ),
      ],
    ),
    node(
      'wallet-account',
      t('Выписки, уведомления и приложение', 'Виписки, сповіщення та застосунок', 'Statements, notifications and the app'),
      t(
        'Заказ выписки и платёжного поручения, уведомления, работа сайта и приложения, удаление кошелька.',
        'Замовлення виписки та платіжного доручення, сповіщення, робота сайту й застосунку, видалення гаманця.',
        'Ordering a statement or payment order, notifications, the website and the app, deleting the wallet.',
      ),
      [
        leaf(
          'wallet-statement-order',
          t(
            'Заказ выписки или платёжного поручения',
            'Замовлення виписки або платіжного доручення',
            'Order a statement or payment order',
          ),
          t(
            'Выписка по операциям за период или платёжное поручение по одной операции.',
            'Виписка за операціями за період або платіжне доручення за однією операцією.',
            'A statement of operations for a period or a payment order for one operation.',
          ),
          {
            department: 'first_line',
            priority: 'low',
            sla: 'standard',
            articles: ['statement-order', 'payment-order'],
            form: {
              fields: [
                wallet(),
                {
                  key: 'document',
                  type: 'select',
                  required: true,
                  label: t('Какой документ нужен', 'Який документ потрібен', 'Which document do you need'),
                  options: [
                    opt('statement', 'Выписка по операциям', 'Виписка за операціями', 'Statement of operations'),
                    opt('payment_order', 'Платёжное поручение', 'Платіжне доручення', 'Payment order'),
                  ],
                },
                { ...periodFrom(), condition: { field: 'document', equals: 'statement' } },
                { ...periodTo(), condition: { field: 'document', equals: 'statement' } },
                {
                  ...operationAt(),
                  condition: { field: 'document', equals: 'payment_order' },
                },
                {
                  ...amount(['RUB', 'USD', 'EUR', 'KZT']),
                  condition: { field: 'document', equals: 'payment_order' },
                },
                {
                  key: 'delivery',
                  type: 'select',
                  required: true,
                  label: t('Куда прислать', 'Куди надіслати', 'Where to send it'),
                  options: [
                    opt('email', 'PDF на e-mail', 'PDF на e-mail', 'PDF by e-mail'),
                    opt('portal', 'В личный раздел обращений', 'В особистий розділ звернень', 'To my requests section'),
                  ],
                },
                description(
                  t(
                    'Для чего нужен документ (например, для банка или налоговой) и что в нём должно быть.',
                    'Для чого потрібен документ (наприклад, для банку чи податкової) і що в ньому має бути.',
                    'What the document is for (e.g. a bank or the tax office) and what it must contain.',
                  ),
                  t('Комментарий к заказу', 'Коментар до замовлення', 'Comments on the order'),
                ),
              ],
            },
          },
        ),
        leaf(
          'wallet-notifications',
          t('Не приходят уведомления', 'Не надходять сповіщення', 'Notifications not coming'),
          t(
            'Не приходят SMS, письма или push-уведомления об операциях.',
            'Не надходять SMS, листи або push-сповіщення про операції.',
            'Text messages, e-mails or push notifications about operations do not arrive.',
          ),
          {
            department: 'tech_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['notifications-not-coming', 'sms-code-not-received'],
            form: {
              fields: [
                wallet(),
                {
                  key: 'channel',
                  type: 'select',
                  required: true,
                  label: t('Какие уведомления не приходят', 'Які сповіщення не надходять', 'Which notifications are missing'),
                  options: [
                    opt('sms', 'SMS', 'SMS', 'Text messages'),
                    opt('email', 'Письма на e-mail', 'Листи на e-mail', 'E-mails'),
                    opt('push', 'Push-уведомления в приложении', 'Push-сповіщення в застосунку', 'Push notifications in the app'),
                  ],
                },
                {
                  key: 'notification_email',
                  type: 'email',
                  required: true,
                  condition: { field: 'channel', equals: 'email' },
                  label: t('E-mail для уведомлений', 'E-mail для сповіщень', 'E-mail for notifications'),
                  help: t('Проверьте также папку «Спам».', 'Перевірте також папку «Спам».', 'Check the spam folder too.'),
                },
                {
                  key: 'device',
                  type: 'select',
                  required: true,
                  condition: { field: 'channel', equals: 'push' },
                  label: t('Телефон', 'Телефон', 'Phone'),
                  options: [opt('android', 'Android', 'Android', 'Android'), opt('ios', 'iPhone', 'iPhone', 'iPhone')],
                },
                {
                  key: 'since',
                  type: 'date',
                  notFuture: true,
                  label: t('С какого дня не приходят', 'З якого дня не надходять', 'Missing since'),
                },
                description(
                  t(
                    'О каких операциях не приходят уведомления и что вы уже проверили в настройках.',
                    'Про які операції не надходять сповіщення і що ви вже перевірили в налаштуваннях.',
                    'Which operations lack notifications and what you have checked in the settings.',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'wallet-app-site',
          t('Не работает сайт или приложение', 'Не працює сайт або застосунок', 'The website or the app does not work'),
          t(
            'Страница не открывается, данные не загружаются, приложение закрывается.',
            'Сторінка не відкривається, дані не завантажуються, застосунок закривається.',
            'A page will not open, data do not load, the app closes.',
          ),
          {
            department: 'tech_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['app-not-working', 'maintenance'],
            form: {
              fields: [
                wallet(false),
                {
                  key: 'platform',
                  type: 'select',
                  required: true,
                  label: t('Где проблема', 'Де проблема', 'Where is the problem'),
                  options: [
                    opt('web', 'Сайт', 'Сайт', 'Website'),
                    opt('android', 'Приложение для Android', 'Застосунок для Android', 'Android app'),
                    opt('ios', 'Приложение для iPhone', 'Застосунок для iPhone', 'iPhone app'),
                  ],
                },
                {
                  key: 'app_version',
                  type: 'text',
                  maxLength: 30,
                  condition: { field: 'platform', in: ['android', 'ios'] },
                  label: t('Версия приложения', 'Версія застосунку', 'App version'),
                  help: t(
                    'Указана в разделе «О приложении».',
                    'Зазначена в розділі «Про застосунок».',
                    'Shown under "About the app".',
                  ),
                },
                {
                  key: 'browser',
                  type: 'text',
                  maxLength: 60,
                  condition: { field: 'platform', equals: 'web' },
                  label: t('Браузер', 'Браузер', 'Browser'),
                },
                errorText(),
                screenshots(),
                description(
                  t(
                    'Что вы делали, когда возникла проблема. Помогла ли перезагрузка и другая сеть?',
                    'Що ви робили, коли виникла проблема. Чи допомогло перезавантаження та інша мережа?',
                    'What you were doing when it happened. Did a restart or another network help?',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'wallet-delete-account',
          t('Удаление кошелька', 'Видалення гаманця', 'Delete the wallet'),
          t(
            'Закрыть кошелёк и удалить учётную запись. Перед этим выведите остаток.',
            'Закрити гаманець і видалити обліковий запис. Перед цим виведіть залишок.',
            'Close the wallet and delete the account. Withdraw the balance first.',
          ),
          {
            department: 'tech_support',
            priority: 'low',
            sla: 'standard',
            articles: ['delete-account'],
            form: {
              fields: [
                wallet(),
                passport(),
                {
                  key: 'balance_withdrawn',
                  type: 'checkbox',
                  required: true,
                  label: t(
                    'Я вывел остаток, баланс кошелька нулевой',
                    'Я вивів залишок, баланс гаманця нульовий',
                    'I have withdrawn the balance, it is zero',
                  ),
                },
                description(
                  t(
                    'Почему вы хотите удалить кошелёк — это поможет нам стать лучше.',
                    'Чому ви хочете видалити гаманець — це допоможе нам стати кращими.',
                    'Why you want to delete the wallet: it helps us improve.',
                  ),
                  t('Причина удаления', 'Причина видалення', 'Reason for deletion'),
                ),
              ],
            },
          },
        ),
      ],
    ),
    leaf(
      'wallet-other',
      t('Другой вопрос по кошельку', 'Інше питання щодо гаманця', 'Another wallet question'),
      t(
        'Всё, чего нет в списке выше. Вопросы о сторонних сервисах задавайте их поддержке.',
        'Усе, чого немає в переліку вище. Питання про сторонні сервіси ставте їхній підтримці.',
        'Anything not listed above. Questions about third-party services go to their support.',
      ),
      {
        department: 'first_line',
        priority: 'low',
        sla: 'standard',
        articles: ['contact-support', 'support-limits'],
        form: {
          fields: [
            wallet(false),
            description(
              t(
                'Ваш вопрос как можно подробнее.',
                'Ваше питання якомога детальніше.',
                'Your question in as much detail as you can.',
              ),
            ),
          ],
        },
      },
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Терминалы
// ---------------------------------------------------------------------------------------------

const serviceField: FieldDef = {
  key: 'service',
  type: 'text',
  required: true,
  maxLength: 200,
  label: t('Что оплачивали', 'Що оплачували', 'What you paid for'),
  help: t(
    'Оператор связи, провайдер, пополнение кошелька и т. п.',
    'Оператор зв’язку, провайдер, поповнення гаманця тощо.',
    'Mobile operator, provider, wallet top-up and so on.',
  ),
};

const recipientAccount = (required = true): FieldDef => ({
  key: 'recipient_account',
  type: 'text',
  required,
  maxLength: 40,
  // Digits, optionally with + and the usual separators: "abc" is refused in the browser and by the server.
  pattern: '\\+?[0-9][0-9 ()-]{4,39}',
  label: t('Номер телефона или счёта получателя', 'Номер телефону або рахунку одержувача', "Recipient's phone or account number"),
  help: t(
    'Цифры (можно с «+» в начале) — тот номер, который вы вводили на экране терминала.',
    'Цифри (можна з «+» на початку) — той номер, який ви вводили на екрані термінала.',
    'Digits (a leading "+" is fine): the number you entered on the terminal screen.',
  ),
});

const terminalAddress = (required = false): FieldDef => ({
  key: 'terminal_address',
  type: 'text',
  required,
  maxLength: 200,
  label: t('Адрес терминала', 'Адреса термінала', 'Terminal address'),
  help: t(
    'Город, улица, дом, место (например, «ТЦ, 1 этаж»).',
    'Місто, вулиця, будинок, місце (наприклад, «ТЦ, 1 поверх»).',
    'City, street, building, spot (e.g. "shopping centre, ground floor").',
  ),
});

const terminalsSection = node(
  'terminals',
  t('Терминалы', 'Термінали', 'Terminals'),
  t(
    'Платёж через терминал не дошёл, ошибочный платёж, купюры, чек, неисправный терминал.',
    'Платіж через термінал не дійшов, помилковий платіж, купюри, чек, несправний термінал.',
    'A terminal payment did not arrive, an erroneous payment, banknotes, receipts, a faulty terminal.',
  ),
  [
    node(
      'terminal-payment-not-arrived',
      t('Платёж через терминал не дошёл', 'Платіж через термінал не дійшов', 'Terminal payment did not arrive'),
      t(
        'Деньги внесены в терминал, а получатель их не получил. Сначала проверьте статус платежа по чеку.',
        'Гроші внесено в термінал, а одержувач їх не отримав. Спочатку перевірте статус платежу за чеком.',
        'You paid at a terminal but the recipient has not got the money. Check the payment status with the receipt first.',
      ),
      [
        leaf(
          'terminal-payment-with-receipt',
          t('Чек сохранился', 'Чек зберігся', 'I have the receipt'),
          t(
            'Укажите данные платежа из чека и приложите его скан или фото.',
            'Вкажіть дані платежу з чека та додайте його скан або фото.',
            'Give the payment data from the receipt and attach its scan or photo.',
          ),
          {
            department: 'terminals',
            priority: 'high',
            sla: 'standard',
            articles: ['check-payment-status', 'terminal-payment-not-arrived'],
            form: {
              fields: [
                terminalPaymentAt(),
                amount(['RUB']),
                serviceField,
                recipientAccount(),
                receiptNumber(),
                receiptScan(),
                contactPhone(),
                description(
                  t(
                    'Какой статус показала проверка платежа и что говорит получатель.',
                    'Який статус показала перевірка платежу і що каже одержувач.',
                    'What status the payment check showed and what the recipient says.',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'terminal-payment-without-receipt',
          t('Чека нет', 'Чека немає', 'I have no receipt'),
          t(
            'Чек не сохранился или не был выдан: понадобится номер терминала, он показан по кнопке «i» на экране.',
            'Чек не зберігся або його не видано: знадобиться номер термінала, його видно за кнопкою «i» на екрані.',
            'The receipt is lost or was not printed: you will need the terminal number, shown by the "i" button on the screen.',
          ),
          {
            department: 'terminals',
            priority: 'high',
            sla: 'standard',
            articles: ['terminal-number', 'terminal-payment-not-arrived', 'terminal-no-receipt'],
            form: {
              fields: [
                terminalId(),
                terminalAddress(),
                terminalPaymentAt(),
                amount(['RUB']),
                serviceField,
                recipientAccount(),
                contactPhone(),
                description(
                  t(
                    'Какими купюрами платили и что было на экране после оплаты.',
                    'Якими купюрами платили і що було на екрані після оплати.',
                    'Which banknotes you used and what the screen showed after paying.',
                  ),
                ),
              ],
            },
          },
        ),
      ],
    ),
    node(
      'terminal-wrong-payment',
      t('Ошибочный платёж', 'Помилковий платіж', 'Erroneous payment'),
      t(
        'Ошиблись в номере телефона или в реквизитах при оплате в терминале.',
        'Помилилися в номері телефону або в реквізитах під час оплати в терміналі.',
        'You mistyped a phone number or payment details at a terminal.',
      ),
      [
        leaf(
          'terminal-wrong-mobile-topup',
          t('Пополнил не тот номер телефона', 'Поповнив не той номер телефону', 'Topped up the wrong phone number'),
          t(
            'Вместо нужного номера пополнен чужой. Вернуть деньги можно только по чеку.',
            'Замість потрібного номера поповнено чужий. Повернути гроші можна лише за чеком.',
            "Someone else's number was topped up instead of yours. A refund is only possible with the receipt.",
          ),
          {
            department: 'terminals',
            priority: 'normal',
            sla: 'standard',
            articles: ['wrong-mobile-topup', 'check-payment-status'],
            form: {
              fields: [
                {
                  key: 'intended_phone',
                  type: 'phone',
                  required: true,
                  label: t(
                    'Номер, который нужно было пополнить',
                    'Номер, який треба було поповнити',
                    'The number that should have been paid',
                  ),
                },
                {
                  key: 'paid_phone',
                  type: 'phone',
                  required: true,
                  label: t(
                    'Номер, который пополнен по ошибке',
                    'Номер, який поповнено помилково',
                    'The number that was paid by mistake',
                  ),
                  help: t('Как напечатан в чеке.', 'Як надруковано в чеку.', 'As printed on the receipt.'),
                },
                terminalPaymentAt(),
                amount(['RUB']),
                receiptNumber(),
                receiptScan(),
                description(
                  t(
                    'Как произошла ошибка. Сообщите, если уже обращались к оператору связи.',
                    'Як сталася помилка. Повідомте, якщо вже зверталися до оператора зв’язку.',
                    'How the mistake happened. Tell us if you have contacted the mobile operator.',
                  ),
                ),
              ],
            },
          },
        ),
        leaf(
          'terminal-wrong-details',
          t('Ошибка в других реквизитах', 'Помилка в інших реквізитах', 'Other wrong details'),
          t(
            'Неверный лицевой счёт, номер договора или кошелька при оплате услуг в терминале.',
            'Неправильний особовий рахунок, номер договору або гаманця під час оплати послуг у терміналі.',
            'A wrong personal account, contract or wallet number when paying for services at a terminal.',
          ),
          {
            department: 'terminals',
            priority: 'normal',
            sla: 'standard',
            articles: ['wrong-transfer-details', 'check-payment-status', 'terminal-number'],
            form: {
              fields: [
                serviceField,
                {
                  key: 'wrong_details',
                  type: 'text',
                  required: true,
                  maxLength: 200,
                  label: t('Что вы ввели', 'Що ви ввели', 'What you entered'),
                },
                {
                  key: 'correct_details',
                  type: 'text',
                  required: true,
                  maxLength: 200,
                  label: t('Что нужно было ввести', 'Що треба було ввести', 'What you should have entered'),
                },
                terminalPaymentAt(),
                amount(['RUB']),
                {
                  key: 'has_receipt',
                  type: 'checkbox',
                  label: t('Чек сохранился', 'Чек зберігся', 'I have the receipt'),
                  help: t(
                    'Без чека вернуть ошибочный платёж гарантировать нельзя.',
                    'Без чека гарантувати повернення помилкового платежу не можна.',
                    'Without the receipt a refund of an erroneous payment cannot be guaranteed.',
                  ),
                },
                { ...receiptNumber(), condition: { field: 'has_receipt', equals: true } },
                { ...receiptScan(), condition: { field: 'has_receipt', equals: true } },
                { ...terminalId(), condition: { field: 'has_receipt', equals: false } },
                contactPhone(),
                description(
                  t(
                    'Как произошла ошибка и связывались ли вы с получателем платежа.',
                    'Як сталася помилка і чи зв’язувалися ви з одержувачем платежу.',
                    'How the mistake happened and whether you contacted the payee.',
                  ),
                ),
              ],
            },
          },
        ),
      ],
    ),
    leaf(
      'terminal-bill-problem',
      t(
        'Терминал не принял или «съел» купюру',
        'Термінал не прийняв або «з’їв» купюру',
        'The terminal rejected or "ate" a banknote',
      ),
      t(
        'Купюра не принимается, или терминал забрал деньги, а сумма не зачислилась.',
        'Купюра не приймається, або термінал забрав гроші, а суму не зараховано.',
        'A banknote is rejected, or the terminal took the money and did not credit the amount.',
      ),
      {
        department: 'terminals',
        priority: 'high',
        sla: 'quick',
        articles: ['terminal-bill-not-accepted', 'terminal-number'],
        form: {
          fields: [
            {
              key: 'problem',
              type: 'select',
              required: true,
              label: t('Что произошло', 'Що сталося', 'What happened'),
              options: [
                opt(
                  'not_accepted',
                  'Терминал не принимает купюру',
                  'Термінал не приймає купюру',
                  'The terminal rejects the banknote',
                ),
                opt(
                  'eaten',
                  'Терминал забрал деньги, сумма не зачислена',
                  'Термінал забрав гроші, суму не зараховано',
                  'The terminal took the money, the amount was not credited',
                ),
              ],
            },
            terminalId(),
            terminalAddress(),
            {
              key: 'happened_at',
              type: 'datetime',
              required: true,
              notFuture: true,
              label: t('Дата и время', 'Дата і час', 'Date and time'),
            },
            {
              ...amount(['RUB'], true, 'inserted_amount'),
              label: t('Сколько вы внесли', 'Скільки ви внесли', 'How much you inserted'),
              condition: { field: 'problem', equals: 'eaten' },
            },
            {
              ...amount(['RUB'], false, 'credited_amount'),
              label: t('Сколько зачислено на экране', 'Скільки зараховано на екрані', 'Amount credited on the screen'),
              help: t(
                'Если ничего не зачислено, оставьте поле пустым.',
                'Якщо нічого не зараховано, залиште поле порожнім.',
                'Leave it empty if nothing was credited.',
              ),
              condition: { field: 'problem', equals: 'eaten' },
            },
            { ...receiptNumber(false), condition: { field: 'problem', equals: 'eaten' } },
            contactPhone(),
            description(
              t(
                'Какие купюры вы вносили и что показывал экран.',
                'Які купюри ви вносили і що показував екран.',
                'Which banknotes you inserted and what the screen showed.',
              ),
            ),
          ],
        },
      },
    ),
    leaf(
      'terminal-no-receipt',
      t('Терминал не выдал чек', 'Термінал не видав чек', 'The terminal gave no receipt'),
      t(
        'Платёж проведён, а чек не напечатан — например, в терминале закончилась лента.',
        'Платіж проведено, а чек не надруковано — наприклад, у терміналі закінчилася стрічка.',
        'The payment went through but no receipt was printed, e.g. the paper ran out.',
      ),
      {
        department: 'terminals',
        priority: 'normal',
        sla: 'standard',
        articles: ['terminal-no-receipt', 'terminal-number', 'check-payment-status'],
        form: {
          fields: [
            terminalId(),
            terminalAddress(),
            terminalPaymentAt(),
            amount(['RUB']),
            recipientAccount(),
            {
              key: 'payment_arrived',
              type: 'select',
              required: true,
              label: t('Дошёл ли платёж', 'Чи дійшов платіж', 'Did the payment arrive'),
              options: [
                opt('yes', 'Да, нужен только чек', 'Так, потрібен лише чек', 'Yes, I only need the receipt'),
                opt('no', 'Нет, деньги не дошли', 'Ні, гроші не дійшли', 'No, the money did not arrive'),
                opt('unknown', 'Не знаю', 'Не знаю', 'I do not know'),
              ],
            },
            contactPhone(),
            description(
              t(
                'Что было на экране после оплаты и для чего вам нужен чек.',
                'Що було на екрані після оплати і для чого вам потрібен чек.',
                'What the screen showed after paying and what you need the receipt for.',
              ),
            ),
          ],
        },
      },
    ),
    leaf(
      'terminal-not-working',
      t('Терминал не работает или завис', 'Термінал не працює або завис', 'The terminal is down or frozen'),
      t(
        'Терминал выключен, завис, форма оплаты не загружается.',
        'Термінал вимкнений, завис, форма оплати не завантажується.',
        'The terminal is off, frozen, or the payment form does not load.',
      ),
      {
        department: 'terminals',
        priority: 'normal',
        sla: 'quick',
        articles: ['terminal-not-working', 'terminal-number', 'maintenance'],
        form: {
          fields: [
            terminalAddress(true),
            terminalId(false),
            {
              key: 'problem',
              type: 'select',
              required: true,
              label: t('Что с терминалом', 'Що з терміналом', 'What is wrong with the terminal'),
              options: [
                opt('off', 'Не включается, экран погас', 'Не вмикається, екран згас', 'It is off, the screen is dark'),
                opt('frozen', 'Завис во время платежа', 'Завис під час платежу', 'It froze during a payment'),
                opt(
                  'not_loading',
                  'Форма оплаты не загружается',
                  'Форма оплати не завантажується',
                  'The payment form does not load',
                ),
                opt('other', 'Другое', 'Інше', 'Something else'),
              ],
            },
            {
              key: 'money_inside',
              type: 'checkbox',
              condition: { field: 'problem', equals: 'frozen' },
              label: t(
                'Внесённые деньги остались в терминале',
                'Внесені гроші залишилися в терміналі',
                'The money I inserted is still in the terminal',
              ),
            },
            {
              ...amount(['RUB'], true, 'amount_inside'),
              label: t('Сколько денег внесено', 'Скільки грошей внесено', 'How much money you inserted'),
              condition: { field: 'money_inside', equals: true },
            },
            {
              key: 'noticed_at',
              type: 'datetime',
              notFuture: true,
              label: t('Когда это было', 'Коли це було', 'When was it'),
            },
            description(
              t(
                'Что показывал экран и на каком шаге терминал перестал отвечать.',
                'Що показував екран і на якому кроці термінал перестав відповідати.',
                'What the screen showed and at which step the terminal stopped responding.',
              ),
            ),
          ],
        },
      },
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Служба безопасности
// ---------------------------------------------------------------------------------------------

const hasAccess: FieldDef = {
  key: 'has_access',
  type: 'checkbox',
  label: t('У меня сейчас есть доступ к кошельку', 'Я зараз маю доступ до гаманця', 'I can still access the wallet'),
};

const securitySection = node(
  'security',
  t('Служба безопасности', 'Служба безпеки', 'Security service'),
  t(
    'Операции, которых вы не совершали, блокировка аккаунта или карты, взлом и мошенничество. Вход и пароль — в разделе «Кошелёк».',
    'Операції, яких ви не здійснювали, блокування акаунта або картки, злам і шахрайство. Вхід і пароль — у розділі «Гаманець».',
    'Operations you did not make, a blocked account or card, hacking and fraud. Sign-in and password questions belong under "Wallet".',
  ),
  [
    leaf(
      'security-unauthorized-operation',
      t('Операция, которую я не совершал', 'Операція, якої я не здійснював', 'An operation I did not make'),
      t(
        'Списались деньги или изменился пароль без вашего участия. Рассматриваем срочно, круглосуточно.',
        'Списано гроші або змінено пароль без вашої участі. Розглядаємо терміново, цілодобово.',
        'Money was debited or the password changed without you. Handled urgently, 24/7.',
      ),
      {
        department: 'security',
        priority: 'urgent',
        sla: 'security_urgent',
        articles: ['unauthorized-operation', 'account-hacked'],
        form: {
          fields: [
            wallet(),
            operationAt(),
            amount(['RUB', 'USD', 'EUR', 'KZT']),
            {
              key: 'operation_type',
              type: 'select',
              required: true,
              label: t('Что произошло', 'Що сталося', 'What happened'),
              options: [
                opt('debit', 'Списание или перевод', 'Списання або переказ', 'A debit or transfer'),
                opt('card_withdrawal', 'Вывод на карту', 'Виведення на картку', 'A withdrawal to a card'),
                opt(
                  'password_changed',
                  'Изменён пароль или номер телефона',
                  'Змінено пароль або номер телефону',
                  'Password or phone number changed',
                ),
                opt('other', 'Другое', 'Інше', 'Something else'),
              ],
            },
            {
              key: 'recipient',
              type: 'text',
              maxLength: 200,
              label: t('Куда ушли деньги, если видно', 'Куди пішли гроші, якщо видно', 'Where the money went, if shown'),
            },
            hasAccess,
            screenshots(),
            contactPhone(),
            description(
              t(
                'Когда вы заметили операцию, сообщали ли кому-нибудь коды или пароль. Никогда не пишите сами коды.',
                'Коли ви помітили операцію, чи повідомляли комусь коди або пароль. Ніколи не пишіть самі коди.',
                'When you noticed it and whether you told anyone a code or password. Never write the codes themselves.',
              ),
            ),
          ],
        },
      },
    ),
    leaf(
      'security-account-blocked',
      t('Блокировка аккаунта или карты', 'Блокування акаунта або картки', 'Blocked account or card'),
      t(
        'Кошелёк или привязанная карта заблокированы после подозрительных действий. Если причина неясна и чужих операций не было — «Кошелёк» → «Кошелёк заблокирован».',
        'Гаманець або прив’язану картку заблоковано після підозрілих дій. Якщо причина незрозуміла і чужих операцій не було — «Гаманець» → «Гаманець заблоковано».',
        'The wallet or a linked card was blocked after suspicious activity. Unclear reason and no foreign operations: "Wallet" → "Wallet blocked".',
      ),
      {
        department: 'security',
        priority: 'high',
        sla: 'quick',
        articles: ['wallet-blocked', 'card-blocked', 'unauthorized-operation'],
        form: {
          fields: [
            wallet(),
            {
              key: 'blocked_object',
              type: 'select',
              required: true,
              label: t('Что заблокировано', 'Що заблоковано', 'What is blocked'),
              options: [
                opt('wallet', 'Кошелёк', 'Гаманець', 'The wallet'),
                opt('card', 'Карта', 'Картка', 'A card'),
                opt('both', 'Кошелёк и карта', 'Гаманець і картка', 'Both'),
              ],
            },
            cardLast4({ field: 'blocked_object', in: ['card', 'both'] }),
            {
              key: 'blocked_on',
              type: 'date',
              required: true,
              notFuture: true,
              label: t('Когда заблокировано', 'Коли заблоковано', 'When was it blocked'),
            },
            passport(),
            contactPhone(),
            description(
              t(
                'Что происходило перед блокировкой и есть ли в истории незнакомые операции.',
                'Що відбувалося перед блокуванням і чи є в історії незнайомі операції.',
                'What happened before the block and whether the history shows unfamiliar operations.',
              ),
            ),
          ],
        },
      },
    ),
    leaf(
      'security-hacking-attempt',
      t('Попытка взлома', 'Спроба зламу', 'Hacking attempt'),
      t(
        'Приходят коды, которых вы не запрашивали, кто-то входил в кошелёк или выпытывал у вас код.',
        'Надходять коди, яких ви не запитували, хтось входив у гаманець або випитував у вас код.',
        'Codes you did not request arrive, someone signed in to the wallet or tried to get a code from you.',
      ),
      {
        department: 'security',
        priority: 'urgent',
        sla: 'security_urgent',
        articles: ['account-hacked', 'security-tips', 'fraud-calls'],
        form: {
          fields: [
            wallet(),
            {
              key: 'signs',
              type: 'select',
              required: true,
              label: t('Что насторожило', 'Що насторожило', 'What alarmed you'),
              options: [
                opt(
                  'codes',
                  'Приходят коды, которых я не запрашивал',
                  'Надходять коди, яких я не запитував',
                  'Codes I did not request',
                ),
                opt(
                  'unknown_login',
                  'Вход с незнакомого устройства',
                  'Вхід з незнайомого пристрою',
                  'A sign-in from an unknown device',
                ),
                opt(
                  'password_changed',
                  'Пароль изменён без меня',
                  'Пароль змінено без мене',
                  'The password was changed without me',
                ),
                opt(
                  'asked_for_code',
                  'У меня выпытывали код или пароль',
                  'У мене випитували код або пароль',
                  'Someone asked me for a code or password',
                ),
                opt('other', 'Другое', 'Інше', 'Something else'),
              ],
            },
            {
              key: 'noticed_at',
              type: 'datetime',
              required: true,
              notFuture: true,
              label: t('Когда вы это заметили', 'Коли ви це помітили', 'When did you notice it'),
            },
            hasAccess,
            {
              key: 'code_shared',
              type: 'checkbox',
              label: t(
                'Я сообщил код или пароль постороннему',
                'Я повідомив код або пароль сторонній особі',
                'I told a code or password to someone',
              ),
            },
            contactPhone(),
            description(
              t(
                'Что именно произошло, по порядку. Сами коды и пароли не пишите.',
                'Що саме сталося, по черзі. Самі коди та паролі не пишіть.',
                'What exactly happened, step by step. Do not write codes or passwords.',
              ),
            ),
          ],
        },
      },
    ),
    leaf(
      'security-fraud-report',
      t('Сообщить о мошенничестве', 'Повідомити про шахрайство', 'Report fraud'),
      t(
        'Мошеннический звонок, SMS, сайт или продавец, который просит перевести деньги или назвать код.',
        'Шахрайський дзвінок, SMS, сайт або продавець, який просить переказати гроші чи назвати код.',
        'A scam call, text, website or seller asking you to send money or tell a code.',
      ),
      {
        department: 'security',
        priority: 'urgent',
        sla: 'security_urgent',
        articles: ['fraud-calls', 'security-tips'],
        form: {
          fields: [
            wallet(false),
            {
              key: 'fraud_channel',
              type: 'select',
              required: true,
              label: t('Как с вами связались', 'Як з вами зв’язалися', 'How were you contacted'),
              options: [
                opt('call', 'Звонок', 'Дзвінок', 'Phone call'),
                opt('sms', 'SMS', 'SMS', 'Text message'),
                opt('messenger', 'Мессенджер или соцсеть', 'Месенджер або соцмережа', 'Messenger or social network'),
                opt('website', 'Сайт или объявление', 'Сайт або оголошення', 'Website or ad'),
                opt('other', 'Другое', 'Інше', 'Other'),
              ],
            },
            {
              key: 'fraudster_contact',
              type: 'text',
              required: true,
              maxLength: 300,
              label: t(
                'Номер, сайт или кошелёк мошенника',
                'Номер, сайт або гаманець шахрая',
                "The fraudster's number, site or wallet",
              ),
            },
            {
              key: 'money_sent',
              type: 'checkbox',
              label: t('Я перевёл деньги мошеннику', 'Я переказав гроші шахраю', 'I sent money to the fraudster'),
            },
            {
              ...amount(['RUB', 'USD', 'EUR', 'KZT'], true, 'sent_amount'),
              condition: { field: 'money_sent', equals: true },
            },
            { ...operationAt(true, 'sent_at'), condition: { field: 'money_sent', equals: true } },
            {
              key: 'evidence',
              type: 'files',
              accept: IMAGES_AND_PDF,
              maxFiles: 3,
              maxSizeMb: 10,
              label: t(
                'Скриншоты переписки или объявления',
                'Скриншоти листування або оголошення',
                'Screenshots of the chat or ad',
              ),
            },
            contactPhone(),
            description(
              t(
                'Что вам говорили или писали и что вы успели сделать.',
                'Що вам казали або писали і що ви встигли зробити.',
                'What you were told or sent and what you did.',
              ),
            ),
          ],
        },
      },
    ),
    leaf(
      'security-lost-money-escalation',
      t(
        'Деньги пропали, техподдержка не помогла',
        'Гроші зникли, техпідтримка не допомогла',
        'Money lost and technical support could not help',
      ),
      t(
        'Сначала пишите в техподдержку («Кошелёк» → «Деньги списались, но не дошли»); сюда — если её ответ не решил проблему.',
        'Спочатку пишіть у техпідтримку («Гаманець» → «Гроші списано, але вони не дійшли»); сюди — якщо її відповідь не розв’язала проблему.',
        'Write to technical support first ("Wallet" → "Money debited but not received"); come here if its answer did not solve it.',
      ),
      {
        department: 'security',
        priority: 'high',
        sla: 'standard',
        articles: ['transfer-not-arrived', 'unauthorized-operation'],
        form: {
          fields: [
            {
              key: 'previous_request',
              type: 'text',
              required: true,
              maxLength: 40,
              label: t(
                'Номер обращения в техподдержку',
                'Номер звернення до техпідтримки',
                'Number of your technical support request',
              ),
            },
            wallet(),
            operationAt(),
            amount(['RUB', 'USD', 'EUR', 'KZT']),
            description(
              t(
                'Что ответила техподдержка и почему это не решило проблему.',
                'Що відповіла техпідтримка і чому це не розв’язало проблему.',
                'What technical support answered and why it did not solve the problem.',
              ),
            ),
          ],
        },
      },
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Претензии, предложения и благодарности
// ---------------------------------------------------------------------------------------------

const previousRequest = (required: boolean): FieldDef => ({
  key: 'previous_request',
  type: 'text',
  required,
  maxLength: 40,
  label: t('Номер прежнего обращения', 'Номер попереднього звернення', 'Number of the earlier request'),
  help: t(
    'Если вы уже писали нам по этому вопросу.',
    'Якщо ви вже писали нам із цього питання.',
    'If you have written to us about this before.',
  ),
});

const evidence = (): FieldDef => ({
  key: 'evidence',
  type: 'files',
  accept: IMAGES_AND_PDF,
  maxFiles: 3,
  maxSizeMb: 10,
  label: t('Документы и доказательства', 'Документи та докази', 'Documents and evidence'),
  help: t('Чеки, скриншоты, выписки.', 'Чеки, скриншоти, виписки.', 'Receipts, screenshots, statements.'),
});

const complaintsSection = node(
  'complaints',
  t('Претензии', 'Претензії', 'Complaints'),
  t(
    'Претензия к работе сервиса, требование возврата или компенсации, несогласие с ответом. Срок рассмотрения — 3 рабочих дня.',
    'Претензія до роботи сервісу, вимога повернення або компенсації, незгода з відповіддю. Строк розгляду — 3 робочі дні.',
    'A complaint about the service, a refund or compensation claim, disagreement with an answer. Reviewed within 3 business days.',
  ),
  [
    leaf(
      'complaint-claim',
      t('Подать претензию', 'Подати претензію', 'File a complaint'),
      t(
        'Вы понесли убытки или недовольны обслуживанием и хотите возврата, компенсации или другого решения.',
        'Ви зазнали збитків або незадоволені обслуговуванням і хочете повернення, компенсації чи іншого рішення.',
        'You suffered a loss or are unhappy with the service and want a refund, compensation or another remedy.',
      ),
      {
        department: 'first_line',
        priority: 'normal',
        sla: 'complaint',
        articles: ['complaint-submit', 'compensation', 'request-review-time', 'request-export'],
        form: {
          fields: [
            previousRequest(false),
            {
              key: 'subject',
              type: 'select',
              required: true,
              label: t('Чего касается претензия', 'Чого стосується претензія', 'What the complaint is about'),
              options: [
                opt('wallet_operation', 'Операция в кошельке', 'Операція в гаманці', 'A wallet operation'),
                opt('terminal_payment', 'Платёж через терминал', 'Платіж через термінал', 'A terminal payment'),
                opt('support_quality', 'Работа службы поддержки', 'Робота служби підтримки', 'The support service'),
                opt('other', 'Другое', 'Інше', 'Something else'),
              ],
            },
            wallet(false),
            { ...operationAt(false), condition: { field: 'subject', in: ['wallet_operation', 'terminal_payment'] } },
            {
              key: 'desired_outcome',
              type: 'select',
              required: true,
              label: t('Что вы хотите', 'Чого ви хочете', 'What do you want'),
              options: [
                opt('refund', 'Возврат денег', 'Повернення грошей', 'A refund'),
                opt('compensation', 'Компенсацию', 'Компенсацію', 'Compensation'),
                opt('other', 'Другое', 'Інше', 'Something else'),
              ],
            },
            {
              ...amount(['RUB', 'USD', 'EUR', 'KZT'], false, 'claim_amount'),
              label: t('Сумма требования', 'Сума вимоги', 'Amount claimed'),
              condition: { field: 'desired_outcome', in: ['refund', 'compensation'] },
            },
            {
              key: 'desired_other',
              type: 'text',
              required: true,
              maxLength: 300,
              condition: { field: 'desired_outcome', equals: 'other' },
              label: t('Какое решение вы ожидаете', 'Якого рішення ви очікуєте', 'What remedy do you expect'),
            },
            evidence(),
            description(
              t(
                'Что произошло, по порядку, с датами. Компенсация возможна, если претензия будет признана обоснованной.',
                'Що сталося, по черзі, з датами. Компенсація можлива, якщо претензію визнають обґрунтованою.',
                'What happened, in order, with dates. Compensation is possible if the complaint is found justified.',
              ),
            ),
          ],
        },
      },
    ),
    leaf(
      'complaint-appeal',
      t('Не согласен с ответом поддержки', 'Не згоден з відповіддю підтримки', 'I disagree with the answer'),
      t(
        'Апелляция на ответ по прежнему обращению: укажите причину несогласия и новые факты.',
        'Апеляція на відповідь за попереднім зверненням: вкажіть причину незгоди та нові факти.',
        'An appeal against the answer to an earlier request: give the reason and new facts.',
      ),
      {
        department: 'first_line',
        priority: 'normal',
        sla: 'complaint',
        articles: ['complaint-appeal', 'compensation'],
        form: {
          fields: [
            previousRequest(true),
            {
              key: 'reason',
              type: 'select',
              required: true,
              label: t('Почему вы не согласны', 'Чому ви не згодні', 'Why do you disagree'),
              options: [
                opt(
                  'not_solved',
                  'Ответ не решил проблему',
                  'Відповідь не розв’язала проблему',
                  'The answer did not solve the problem',
                ),
                opt('disagree', 'Не согласен с решением', 'Не згоден з рішенням', 'I disagree with the decision'),
                opt('late', 'Ответ не пришёл в срок', 'Відповідь не надійшла вчасно', 'The answer was late'),
              ],
            },
            {
              key: 'new_facts',
              type: 'textarea',
              required: true,
              maxLength: 4000,
              label: t('Новые факты и доказательства', 'Нові факти та докази', 'New facts and evidence'),
              help: t(
                'То, чего не было в прежнем обращении.',
                'Те, чого не було в попередньому зверненні.',
                'What was not in the earlier request.',
              ),
            },
            evidence(),
            description(
              t(
                'Что именно вас не устроило в ответе и какое решение вы ожидаете.',
                'Що саме вас не влаштувало у відповіді і якого рішення ви очікуєте.',
                'What exactly you found wrong with the answer and what you expect.',
              ),
            ),
          ],
        },
      },
    ),
  ],
);

const feedbackSection = node(
  'feedback',
  t('Предложения и благодарности', 'Пропозиції та подяки', 'Suggestions and thanks'),
  t(
    'Идеи, как улучшить сервис, и благодарности сотрудникам. Для проблем выберите другой раздел.',
    'Ідеї, як покращити сервіс, і подяки співробітникам. Для проблем оберіть інший розділ.',
    'Ideas to improve the service and thanks to our staff. For problems choose another section.',
  ),
  [
    leaf(
      'feedback-suggestion',
      t('Предложение', 'Пропозиція', 'Suggestion'),
      t(
        'Что добавить или изменить в кошельке, приложении, терминалах или поддержке.',
        'Що додати або змінити в гаманці, застосунку, терміналах чи підтримці.',
        'What to add or change in the wallet, the app, terminals or support.',
      ),
      {
        department: 'first_line',
        priority: 'low',
        sla: 'standard',
        articles: ['suggestions-thanks', 'community-forum'],
        form: {
          fields: [
            {
              key: 'topic',
              type: 'select',
              required: true,
              label: t('Тема', 'Тема', 'Topic'),
              options: [
                opt('wallet', 'Кошелёк и приложение', 'Гаманець і застосунок', 'Wallet and app'),
                opt('terminals', 'Терминалы', 'Термінали', 'Terminals'),
                opt('support', 'Служба поддержки', 'Служба підтримки', 'Support'),
                opt('other', 'Другое', 'Інше', 'Other'),
              ],
            },
            description(
              t('Что и зачем стоит изменить.', 'Що і навіщо варто змінити.', 'What should change and why.'),
              t('Ваше предложение', 'Ваша пропозиція', 'Your suggestion'),
            ),
          ],
        },
      },
    ),
    leaf(
      'feedback-thanks',
      t('Благодарность', 'Подяка', 'Thanks'),
      t(
        'Поблагодарить сотрудника или службу поддержки.',
        'Подякувати співробітнику або службі підтримки.',
        'Thank a staff member or the support team.',
      ),
      {
        department: 'first_line',
        priority: 'low',
        sla: 'standard',
        articles: ['suggestions-thanks'],
        form: {
          fields: [
            previousRequest(false),
            {
              key: 'employee',
              type: 'text',
              maxLength: 100,
              label: t('Кого вы хотите поблагодарить', 'Кому ви хочете подякувати', 'Whom would you like to thank'),
            },
            description(
              t(
                'Пара слов о том, что вам понравилось.',
                'Кілька слів про те, що вам сподобалося.',
                'A few words about what you liked.',
              ),
              t('Ваша благодарность', 'Ваша подяка', 'Your thanks'),
            ),
          ],
        },
      },
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Сопровождение агентов
// ---------------------------------------------------------------------------------------------

const agentsSection = node(
  'agent-support',
  t('Сопровождение агентов', 'Супровід агентів', 'Agent support'),
  t(
    'Для партнёров, которые обслуживают терминалы: подключение, оборудование, баланс и комиссия, отчёты, договоры.',
    'Для партнерів, які обслуговують термінали: підключення, обладнання, баланс і комісія, звіти, договори.',
    'For partners running terminals: connection, equipment, balance and commission, reports, agreements.',
  ),
  [
    node(
      'agent-terminals',
      t('Терминалы агента', 'Термінали агента', "Agent's terminals"),
      t(
        'Подключение и настройка, неисправности, платежи клиентов в ваших терминалах.',
        'Підключення й налаштування, несправності, платежі клієнтів у ваших терміналах.',
        'Connection and setup, failures, customer payments at your terminals.',
      ),
      [
        leaf(
          'agent-terminal-connection',
          t('Подключение и настройка терминала', 'Підключення й налаштування термінала', 'Terminal connection and setup'),
          t(
            'Подключить новый терминал, перенести на другой адрес, настроить программу или отключить.',
            'Підключити новий термінал, перенести на іншу адресу, налаштувати програму або відключити.',
            'Connect a new terminal, move one to another address, set up its software or disconnect it.',
          ),
          {
            department: 'agent_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['agent-terminal-connection', 'agent-support'],
            form: {
              fields: [
                agentContract(),
                {
                  key: 'request_type',
                  type: 'select',
                  required: true,
                  label: t('Что нужно сделать', 'Що потрібно зробити', 'What needs doing'),
                  options: [
                    opt('connect', 'Подключить новый терминал', 'Підключити новий термінал', 'Connect a new terminal'),
                    opt('move', 'Перенести на другой адрес', 'Перенести на іншу адресу', 'Move to another address'),
                    opt('software', 'Настроить программу', 'Налаштувати програму', 'Set up the software'),
                    opt('disconnect', 'Отключить терминал', 'Відключити термінал', 'Disconnect a terminal'),
                  ],
                },
                {
                  ...terminalId(),
                  help: t(
                    'Только цифры, от 4 до 10: кнопка «i» на экране терминала или список терминалов в кабинете агента.',
                    'Лише цифри, від 4 до 10: кнопка «i» на екрані термінала або перелік терміналів у кабінеті агента.',
                    'Digits only, 4 to 10 of them: the "i" button on the terminal screen or the terminal list in the agent\'s account.',
                  ),
                  condition: { field: 'request_type', notEquals: 'connect' },
                },
                {
                  ...terminalAddress(true),
                  label: t('Адрес установки', 'Адреса встановлення', 'Installation address'),
                  condition: { field: 'request_type', in: ['connect', 'move'] },
                },
                contactPhone(),
                description(
                  t(
                    'Модель терминала, желаемые сроки и часы работы точки.',
                    'Модель термінала, бажані строки та години роботи точки.',
                    'Terminal model, desired dates and opening hours of the location.',
                  ),
                ),
              ],
            },
          },
          'agent',
        ),
        leaf(
          'agent-equipment-failure',
          t('Неисправность оборудования', 'Несправність обладнання', 'Equipment failure'),
          t(
            'Не работает купюроприёмник, принтер чеков, экран или связь.',
            'Не працює купюроприймач, принтер чеків, екран або зв’язок.',
            'The bill acceptor, receipt printer, screen or connection is not working.',
          ),
          {
            department: 'agent_support',
            priority: 'high',
            sla: 'quick',
            articles: ['agent-equipment', 'agent-support'],
            form: {
              fields: [
                agentContract(),
                terminalId(),
                {
                  key: 'equipment',
                  type: 'select',
                  required: true,
                  label: t('Что неисправно', 'Що несправне', 'What is faulty'),
                  options: [
                    opt('bill_acceptor', 'Купюроприёмник', 'Купюроприймач', 'Bill acceptor'),
                    opt('printer', 'Принтер чеков', 'Принтер чеків', 'Receipt printer'),
                    opt('screen', 'Экран или сенсор', 'Екран або сенсор', 'Screen or touch panel'),
                    opt('connection', 'Связь', 'Зв’язок', 'Connection'),
                    opt('other', 'Другое', 'Інше', 'Other'),
                  ],
                },
                {
                  key: 'terminal_down',
                  type: 'checkbox',
                  label: t('Терминал не принимает платежи', 'Термінал не приймає платежі', 'The terminal accepts no payments'),
                },
                {
                  key: 'error_code',
                  type: 'text',
                  maxLength: 60,
                  label: t('Код ошибки', 'Код помилки', 'Error code'),
                },
                {
                  key: 'photos',
                  type: 'files',
                  accept: IMAGES,
                  maxFiles: 3,
                  maxSizeMb: 10,
                  label: t('Фото экрана или узла', 'Фото екрана або вузла', 'Photos of the screen or the part'),
                },
                contactPhone(),
                description(
                  t(
                    'Когда началась неисправность и что вы уже пробовали (перезагрузка, замена ленты).',
                    'Коли почалася несправність і що ви вже пробували (перезавантаження, заміна стрічки).',
                    'When the failure started and what you tried (restart, new paper roll).',
                  ),
                ),
              ],
            },
          },
          'agent',
        ),
        leaf(
          'agent-customer-payment',
          t(
            'Платёж клиента в терминале агента',
            'Платіж клієнта в терміналі агента',
            "A customer's payment at the agent's terminal",
          ),
          t(
            'Клиент заплатил через ваш терминал, а платёж не дошёл или долго остаётся «В обработке».',
            'Клієнт заплатив через ваш термінал, а платіж не дійшов або довго залишається «В обробці».',
            'A customer paid at your terminal but the payment did not arrive or stays "Processing" for long.',
          ),
          {
            department: 'agent_support',
            priority: 'high',
            sla: 'standard',
            articles: ['check-payment-status', 'agent-support'],
            form: {
              fields: [
                agentContract(),
                terminalId(),
                receiptNumber(),
                terminalPaymentAt(),
                amount(['RUB']),
                recipientAccount(),
                description(
                  t(
                    'Какой статус у платежа и что сообщил клиент.',
                    'Який статус має платіж і що повідомив клієнт.',
                    'What status the payment has and what the customer said.',
                  ),
                ),
              ],
            },
          },
          'agent',
        ),
      ],
      'agent',
    ),
    node(
      'agent-finance',
      t('Баланс, комиссия и отчёты', 'Баланс, комісія та звіти', 'Balance, commission and reports'),
      t(
        'Пополнение баланса агента, расчёт вознаграждения, отчёты и акты сверки.',
        'Поповнення балансу агента, розрахунок винагороди, звіти та акти звірки.',
        "Topping up the agent's balance, commission, reports and reconciliation statements.",
      ),
      [
        leaf(
          'agent-balance-commission',
          t('Баланс и комиссия', 'Баланс і комісія', 'Balance and commission'),
          t(
            'Баланс агента не пополнился, вопрос по расчёту или выплате вознаграждения.',
            'Баланс агента не поповнився, питання щодо розрахунку або виплати винагороди.',
            "The agent's balance was not topped up, or a question on commission calculation or payout.",
          ),
          {
            department: 'agent_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['agent-finance', 'agent-support'],
            form: {
              fields: [
                agentContract(),
                {
                  key: 'question',
                  type: 'select',
                  required: true,
                  label: t('Ваш вопрос', 'Ваше питання', 'Your question'),
                  options: [
                    opt('topup', 'Баланс не пополнился', 'Баланс не поповнився', 'The balance was not topped up'),
                    opt('commission', 'Расчёт вознаграждения', 'Розрахунок винагороди', 'Commission calculation'),
                    opt('payout', 'Выплата вознаграждения', 'Виплата винагороди', 'Commission payout'),
                  ],
                },
                {
                  ...amount(['RUB']),
                  condition: { field: 'question', equals: 'topup' },
                },
                {
                  key: 'topup_date',
                  type: 'date',
                  required: true,
                  notFuture: true,
                  condition: { field: 'question', equals: 'topup' },
                  label: t('Дата платёжного поручения', 'Дата платіжного доручення', 'Date of the payment order'),
                },
                { ...periodFrom(), condition: { field: 'question', in: ['commission', 'payout'] } },
                { ...periodTo(), condition: { field: 'question', in: ['commission', 'payout'] } },
                description(
                  t(
                    'Какая сумма ожидалась и какая получилась.',
                    'Яка сума очікувалася і яка вийшла.',
                    'What amount you expected and what you got.',
                  ),
                ),
              ],
            },
          },
          'agent',
        ),
        leaf(
          'agent-reports-reconciliation',
          t('Отчёты и сверка', 'Звіти та звірка', 'Reports and reconciliation'),
          t(
            'Реестр платежей, ежемесячный акт, акт сверки и расхождения в них.',
            'Реєстр платежів, щомісячний акт, акт звірки та розбіжності в них.',
            'Payment registers, monthly statements, reconciliation statements and discrepancies in them.',
          ),
          {
            department: 'agent_support',
            priority: 'normal',
            sla: 'standard',
            articles: ['agent-finance'],
            form: {
              fields: [
                agentContract(),
                {
                  key: 'report',
                  type: 'select',
                  required: true,
                  label: t('Документ', 'Документ', 'Document'),
                  options: [
                    opt('register', 'Реестр платежей', 'Реєстр платежів', 'Payment register'),
                    opt('monthly_act', 'Ежемесячный акт', 'Щомісячний акт', 'Monthly statement'),
                    opt('reconciliation', 'Акт сверки', 'Акт звірки', 'Reconciliation statement'),
                  ],
                },
                periodFrom(),
                periodTo(),
                {
                  key: 'discrepancy',
                  type: 'checkbox',
                  label: t('Есть расхождение', 'Є розбіжність', 'There is a discrepancy'),
                },
                {
                  ...amount(['RUB'], true, 'discrepancy_amount'),
                  label: t('Сумма расхождения', 'Сума розбіжності', 'Discrepancy amount'),
                  condition: { field: 'discrepancy', equals: true },
                },
                {
                  key: 'documents',
                  type: 'files',
                  accept: IMAGES_AND_PDF,
                  maxFiles: 3,
                  maxSizeMb: 10,
                  label: t('Ваши документы', 'Ваші документи', 'Your documents'),
                  help: t('PDF или сканы.', 'PDF або скани.', 'PDF or scans.'),
                },
                description(
                  t(
                    'Какой документ нужен или в чём расхождение.',
                    'Який документ потрібен або в чому розбіжність.',
                    'Which document you need or what the discrepancy is.',
                  ),
                ),
              ],
            },
          },
          'agent',
        ),
      ],
      'agent',
    ),
    leaf(
      'agent-documents',
      t('Договоры и документы', 'Договори та документи', 'Agreements and documents'),
      t(
        'Новый договор, дополнительное соглашение, закрывающие документы, смена реквизитов.',
        'Новий договір, додаткова угода, закривальні документи, зміна реквізитів.',
        'A new agreement, a supplementary agreement, closing documents, changed company details.',
      ),
      {
        department: 'agent_support',
        priority: 'low',
        sla: 'standard',
        articles: ['agent-documents', 'agent-support'],
        form: {
          fields: [
            {
              ...agentContract(false),
              help: t(
                'Если договора ещё нет, оставьте поле пустым.',
                'Якщо договору ще немає, залиште поле порожнім.',
                'Leave it empty if you have no agreement yet.',
              ),
            },
            {
              key: 'document',
              type: 'select',
              required: true,
              label: t('Что нужно', 'Що потрібно', 'What do you need'),
              options: [
                opt('new_contract', 'Заключить договор', 'Укласти договір', 'Sign an agreement'),
                opt('supplementary', 'Дополнительное соглашение', 'Додаткова угода', 'Supplementary agreement'),
                opt('closing', 'Закрывающие документы', 'Закривальні документи', 'Closing documents'),
                opt('change_details', 'Сменились реквизиты', 'Змінилися реквізити', 'Our company details changed'),
              ],
            },
            {
              key: 'new_details',
              type: 'textarea',
              required: true,
              maxLength: 2000,
              condition: { field: 'document', equals: 'change_details' },
              label: t('Новые реквизиты', 'Нові реквізити', 'New details'),
            },
            {
              key: 'documents_email',
              type: 'email',
              required: true,
              label: t('E-mail для документов', 'E-mail для документів', 'E-mail for documents'),
            },
            {
              key: 'documents',
              type: 'files',
              accept: ['application/pdf', 'image/jpeg', 'image/png'],
              maxFiles: 3,
              maxSizeMb: 10,
              label: t('Сканы документов', 'Скани документів', 'Scanned documents'),
            },
            description(
              t(
                'За какой период нужны документы или что изменилось.',
                'За який період потрібні документи або що змінилося.',
                'For which period you need documents or what has changed.',
              ),
            ),
          ],
        },
      },
      'agent',
    ),
  ],
  'agent',
);

export const DEMO_CATALOG: DemoCategory[] = [
  walletSection,
  terminalsSection,
  securitySection,
  complaintsSection,
  feedbackSection,
  agentsSection,
];
