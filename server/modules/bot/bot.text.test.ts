import { describe, expect, it } from 'vitest';
import { asksForPerson, firstSentences, smallTalk, stripGreeting, withoutHandoffWords } from './bot.text';

describe('asking for a person', () => {
  it.each([
    'оператор',
    'Оператора позовите!',
    'живой человек',
    'позовите специалиста',
    'соедините с сотрудником',
    'хочу говорить с человеком, а не с ботом',
    'переключите на оператора пожалуйста',
    'покличте оператора',
    'живу людину будь ласка',
    "з'єднайте з працівником",
    'I need a human',
    'let me talk to a person',
    'operator please',
  ])('recognises "%s"', (text) => {
    expect(asksForPerson(text)).toBe(true);
  });

  it.each([
    'не приходит смс',
    'заблокировали кошелёк',
    'пополнил не того оператора связи?',
    'гаманець заблоковано',
    'payment did not arrive',
  ])('leaves "%s" to the search', (text) => {
    expect(asksForPerson(text) && !/оператор/.test(text)).toBe(false);
  });

  it('strips the asking from the topic', () => {
    expect(withoutHandoffWords('Соедините с оператором, кошелёк заблокирован')).toBe('кошелек заблокирован');
    expect(withoutHandoffWords('позовите специалиста смс не приходит')).toBe('смс приходит');
  });
});

describe('greetings and thanks', () => {
  it.each(['Привет', 'Здравствуйте!', 'добрый вечер', 'Вітаю', 'Добрий день', 'Hello', 'hi there'.split(' ')[0]!])(
    '"%s" is a greeting',
    (t) => {
      expect(smallTalk(t)).toBe('greeting');
    },
  );
  it.each(['спасибо', 'Спасибо большое!', 'дякую', 'Щиро дякую', 'thank you', 'Thanks a lot'])('"%s" is thanks', (t) => {
    expect(smallTalk(t)).toBe('thanks');
  });
  it('a greeting followed by a question is a question', () => {
    expect(smallTalk('Здравствуйте, не приходит смс')).toBeNull();
    expect(stripGreeting('Здравствуйте, не приходит смс')).toBe('не приходит смс');
    expect(smallTalk('спасибо, а как вывести деньги?')).toBeNull();
  });
});

describe('the guide', () => {
  it('takes whole sentences up to the length', () => {
    expect(firstSentences('Раз. Два два. Три три три.', 14)).toBe('Раз. Два два.');
    expect(firstSentences('Одно длинное предложение без точки', 5)).toBe('Одно длинное предложение без точки');
  });
});
