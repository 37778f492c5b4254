import type { Serve } from '../channel';
import {
  addToAgenda as putOnAgenda,
  closeMeeting,
  closeVoting as endVoting,
  confirmFinalDecision,
  getMeeting,
  listMeetings,
  openMeeting,
  recordVote,
  setAttendance as recordAttendance,
} from '.';

/** meetings:* — the council's meetings: attendance, agenda, votes, the chair's confirmation. */
export const list: Serve<'meetings:list'> = (ctx) => listMeetings(ctx);

export const get: Serve<'meetings:get'> = (ctx, request) => getMeeting(ctx, request.meetingId);

export const open: Serve<'meetings:open'> = (ctx, request) => openMeeting(ctx, request);

export const setAttendance: Serve<'meetings:setAttendance'> = (ctx, request) =>
  recordAttendance(ctx, request);

export const addToAgenda: Serve<'meetings:addToAgenda'> = (ctx, request) =>
  putOnAgenda(ctx, request);

export const vote: Serve<'meetings:vote'> = (ctx, request) => recordVote(ctx, request);

export const closeVoting: Serve<'meetings:closeVoting'> = (ctx, request) => endVoting(ctx, request);

export const close: Serve<'meetings:close'> = (ctx, request) =>
  closeMeeting(ctx, request.meetingId);

export const confirm: Serve<'meetings:confirm'> = (ctx, request) =>
  confirmFinalDecision(ctx, request);
