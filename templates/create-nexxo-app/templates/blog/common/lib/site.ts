export const site = {
  name: 'Field Notes',
  description: 'Short posts on building for the web.',
  author: 'Your Name',
  // Used for absolute URLs in metadata (Open Graph images need them). Set it to your domain.
  url: 'https://example.com',
};
