// Entry of the `conveyor-language-server` bin, and of its validation worker thread.
import { main } from './server/node-main';

main(__filename);
