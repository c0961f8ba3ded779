import type { RankPaper } from '../features';

/**
 * Simulated readers of the real papers. Their interests are topics the real
 * abstracts actually differ on, judged by hand from each title and abstract
 * (not by a phrase list, so the model cannot win by rediscovering one), and
 * each reader has the short keyword list such a reader would type.
 */

export type Topic = 'vision' | 'process' | 'alignment' | 'agents' | 'safety';

export const TOPICS: Record<Topic, string> = {
  vision: 'images, video, 3D and vision-language models',
  process: 'process rewards, verifiers and search for reasoning',
  alignment: 'preference alignment and self-rewarding models',
  agents: 'agents, tools and code',
  safety: 'safety, factuality, privacy and security',
};

/** Title prefix → topics, for all 56 papers (43 of the search page, 13 of the 2024 daily page). */
const JUDGED: [string, Topic[]][] = [
  ['Rewarding the Unlikely', ['process']],
  ['Rewarding Progress', ['process']],
  ['Self-Rewarding Vision-Language Model', ['vision', 'alignment']],
  ['Temporal Self-Rewarding', ['alignment']],
  ['LaSeR', ['process']],
  ['SRUM', ['vision', 'alignment']],
  ['Posterior-GRPO', ['agents', 'process']],
  ['Shop-R1', ['agents']],
  ['SSR-Zero', ['alignment']],
  ['Self-Consistency of the Internal Reward', ['alignment']],
  ['CREAM', ['alignment']],
  ['MJ-VIDEO', ['vision', 'alignment']],
  ['ReARTeR', ['process']],
  ['What Are Step-Level Reward Models', ['process']],
  ['KnowRL', ['safety']],
  ['I-MCTS', ['agents', 'process']],
  ['Anyprefer', ['alignment']],
  ['The Climb Carves Wisdom', ['process']],
  ['Long-Term Ad Memorability', []],
  ['Learning Spatio-Temporal Representation', ['vision']],
  ['Towards Safe Reasoning', ['safety']],
  ['Predictive-CSM', ['safety']],
  ['GTA1', ['agents']],
  ['MMBoundary', ['vision', 'safety']],
  ['Reinforcement Learning on Pre-Training Data', []],
  ['Unsupervised Post-Training for Multi-Modal', ['vision']],
  ['TTRV', ['vision']],
  ['Discovering and Exploiting Sparse Rewards', []],
  ['To Create What You Tell', ['vision']],
  ['Direct Nash Optimization', ['alignment']],
  ['Improving Video Generation with Human Feedback', ['vision', 'alignment']],
  ['Training Language Models for Social Deduction', ['agents']],
  ['DianJin-R1', []],
  ['Pay-Per-Search Models', ['safety']],
  ['Hybrid Reward Normalization', ['process', 'agents']],
  ['Reinforcing Video Reasoning', ['vision']],
  ['ReST-MCTS', ['process']],
  ['IRCoCo', ['agents']],
  ['Exploring and Exploiting the Inherent Efficiency', []],
  ['GenCRF', []],
  ['Italian Crossword Generator', []],
  ['CodeBoost', ['agents']],
  ['ViLBench', ['vision', 'process']],
  ['The Llama 3 Herd', []],
  ['Tora', ['vision']],
  ['MoMa', ['vision']],
  ['Towards Achieving Human Parity', ['agents']],
  ['ShieldGemma', ['safety']],
  ['TAROT', ['safety']],
  ['Open-Vocabulary Audio-Visual', ['vision']],
  ['Data Contamination Report', ['safety']],
  ['Improving 2D Feature Representations', ['vision']],
  ['Berkeley Humanoid', []],
  ['Expressive Whole-Body 3D Gaussian Avatar', ['vision']],
  ['Fine-gained Zero-shot Video Sampling', ['vision']],
  ['NeRF-MAE', ['vision']],
];

/** The judged topics of a paper; throws for a paper nobody judged, so the table cannot silently go stale. */
export function topicsOf(p: RankPaper): Topic[] {
  const hits = JUDGED.filter(([prefix]) => p.title.startsWith(prefix));
  if (hits.length !== 1) throw new Error(`${hits.length} judgements for "${p.title}"`);
  return hits[0]![1];
}

export const JUDGED_COUNT = JUDGED.length;

export interface Reader {
  name: string;
  interest: Topic;
  /** Keyword lines as typed in the options page. */
  keywords: string[];
}

export const READERS: Reader[] = [
  { name: 'vision', interest: 'vision', keywords: ['video', 'diffusion'] },
  { name: 'reasoning verifiers', interest: 'process', keywords: ['process reward', 'MCTS'] },
  { name: 'alignment', interest: 'alignment', keywords: ['preference', 'RLHF'] },
  { name: 'agents & code', interest: 'agents', keywords: ['agent', 'code'] },
  { name: 'safety', interest: 'safety', keywords: ['safety', 'hallucination'] },
  // Moved on from RL to vision, keywords left as they were: the keywords now point the wrong way.
  { name: 'vision, stale keywords', interest: 'vision', keywords: ['reasoning', 'reward'] },
];
