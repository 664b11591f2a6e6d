/** The daemon rules. A meta-test fails when a rule file in this folder is missing here. */
import type { DaemonConfigRule } from '../types.js';
import { disableIcc } from './disable-icc.js';
import { liveRestore } from './live-restore.js';
import { noNewPrivileges } from './no-new-privileges.js';
import { tlsForTcpSocket } from './tls-for-tcp-socket.js';
import { usernsRemap } from './userns-remap.js';

export const daemonRules: DaemonConfigRule[] = [tlsForTcpSocket, disableIcc, noNewPrivileges, usernsRemap, liveRestore];
