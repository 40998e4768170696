import { render } from './notification-templates';

describe('render application-submitted', () => {
  const vars = { applicant: '佐藤花子', project: '美幌町の酪農体験' };

  it('writes Japanese with the project in the title and both names in the body', () => {
    const message = render('application-submitted', 'ja', vars);

    expect(message.title).toBe('「美幌町の酪農体験」に新しい応募がありました');
    expect(message.body).toContain('佐藤花子さん');
    expect(message.body).toContain('「美幌町の酪農体験」');
  });

  it('writes English with the project in the title and both names in the body', () => {
    const message = render('application-submitted', 'en', {
      applicant: 'Hanako Sato',
      project: 'Dairy farming in Bihoro',
    });

    expect(message.title).toBe('New application to "Dairy farming in Bihoro"');
    expect(message.body).toContain('Hanako Sato applied to "Dairy farming in Bihoro"');
  });
});
