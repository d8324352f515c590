import './tab-bar.css';

/** The tab the address asks for (?tab=…), or the first one when it names none of them. */
export function tabFrom<T extends string>(asked: string | null, tabs: readonly T[], fallback: T): T {
  return (tabs as readonly string[]).includes(asked ?? '') ? (asked as T) : fallback;
}

interface TabBarProps<T extends string> {
  label: string;
  tabs: readonly T[];
  current: T;
  href: (tab: T) => string;
  text: (tab: T) => string;
  /** spacing around the bar where the page needs it (tab-bar-spaced, tab-bar-gap-below) */
  className?: string;
}

/** A page's tabs as links: each tab has its own address, so a tab can be bookmarked, reloaded and linked to. */
export function TabBar<T extends string>({ label, tabs, current, href, text, className }: TabBarProps<T>) {
  return (
    <nav className={className ? `tab-bar ${className}` : 'tab-bar'} aria-label={label}>
      {tabs.map((id) => (
        <a key={id} href={href(id)} className="tab-link" aria-current={id === current ? 'page' : undefined}>
          {text(id)}
        </a>
      ))}
    </nav>
  );
}
