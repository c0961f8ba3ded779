import { browser } from 'wxt/browser';
import { createClient, createContentClient } from './message-client';

const transport = (message: unknown) => browser.runtime.sendMessage(message);

/** The typed message client for the popup and the options page. */
export const send = createClient(transport);

/** The typed message client for content scripts: the messages the overlay needs, replies without notes. */
export const contentSend = createContentClient(transport);
