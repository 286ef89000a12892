/**
 * Capitalised words that look like names and are not, as data: the people finder drops them from the
 * start of a name, and a name that starts a place is not a person.
 */

/** Capitalised words that are not names though they look like them. */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'I', 'You', 'In', 'On', 'At',
  'For', 'But', 'And', 'Or', 'If', 'When', 'While', 'However', 'Last', 'Next', 'Speaking', 'According', 'Under',
  'NHS', 'GP', 'GPs', 'CCG', 'CCGs', 'Mr', 'Ms', 'Dr', 'Our', 'Their', 'His', 'Her', 'Its', 'My', 'Your',
  'After', 'Before', 'Since', 'As', 'By', 'From', 'With', 'Without', 'Meanwhile', 'Yesterday', 'Today',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Primary', 'Care',
  'General', 'Practice', 'Health', 'Social', 'Clinical', 'Commissioning', 'Group', 'Groups', 'England', 'Britain',
  'London', 'Scotland', 'Wales', 'Ireland', 'Government', 'Department', 'Secretary', 'Minister', 'Committee',
  'Some', 'Many', 'All', 'Both', 'Each', 'Every', 'There', 'Here', 'What', 'Who', 'Why', 'How', 'Where', 'Which',
  'Also', 'So', 'Yet', 'Still', 'Now', 'Then', 'Even', 'Just', 'Only', 'Not', 'No', 'Yes', 'Read', 'See', 'More',
  'Street', 'Road', 'News', 'Post', 'Times', 'Journal', 'Report', 'Act', 'Bill', 'Fund', 'Trust',
  'Although', 'Though', 'Because', 'Unlike', 'Like', 'During', 'Despite', 'Through', 'Among', 'Amid', 'Until',
]);

/** First words of place names ("North Korea", "New York", "San Diego"): such a name is not a person. */
export const PLACE_STARTS: ReadonlySet<string> = new Set(['North', 'South', 'East', 'West', 'New', 'Saint', 'St', 'San', 'Santa', 'Los', 'Las', 'Fort', 'Mount', 'Lake', 'Port', 'Great', 'Greater', 'Upper', 'Lower', 'Central']);
