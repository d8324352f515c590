/**
 * A fingerprint as it is read over the phone: eight groups of five digits, large
 * and spaced. The text content stays "12345 67890 …" so it copies and reads as one.
 */
export function Fingerprint({ value, testId, size = 'large' }: { value: string; testId?: string; size?: 'large' | 'small' }) {
  const groups = value.split(' ');
  return (
    <div className={`fingerprint fingerprint-${size}`} data-testid={testId}>
      {groups.map((group, index) => (
        <span key={index} className="fingerprint-group">
          {group}
          {index < groups.length - 1 ? ' ' : ''}
        </span>
      ))}
    </div>
  );
}
