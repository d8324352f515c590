import type { Session, WebContents } from 'electron';
import { decidePermission, isAllowedExternalUrl, isAllowedNavigation, isTrustedAppUrl } from './security.ts';

// Applied to every webContents the app creates (app "web-contents-created"), so
// a window added later cannot forget it. The decisions themselves are the pure,
// tested functions of security.ts.

export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void, externalHosts: readonly string[]): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(contents.getURL(), event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(contents.getURL(), event.url)) event.preventDefault();
  });
  // subframes do not raise will-navigate; we have none, so none may leave our origin
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isTrustedAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, externalHosts)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Every permission request and check is answered by decidePermission, which grants nothing today. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl ?? contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
