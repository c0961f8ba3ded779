import { ICON_PATHS as PATHS, ICON_SVG_ATTRS } from './icon-paths';

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg {...ICON_SVG_ATTRS} aria-hidden="true" fill={name === 'bookmark-filled' ? 'currentColor' : 'none'}>
      <path d={PATHS[name]} />
    </svg>
  );
}
