import { browser } from 'wxt/browser';
import { createClient } from './message-client';

/** The typed message client for the popup and the options page. */
export const send = createClient((message) => browser.runtime.sendMessage(message));
