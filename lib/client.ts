import { browser } from 'wxt/browser';
import { createClient } from './messages';

/** The typed message client for content scripts, popup and options. */
export const send = createClient((message) => browser.runtime.sendMessage(message));
