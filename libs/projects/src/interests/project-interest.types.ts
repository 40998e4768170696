import { Field, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@tsunagu/core';
import { ParticipantCardType, toParticipantCard } from '@tsunagu/participants';
import { toProjectType } from '../project-mapping';
import { ProjectType } from '../project.types';
import type { InterestedParticipant, MarkedProject } from './project-interest.service';

@ObjectType('MarkedProject', { description: 'A project you marked 興味あり (interested).' })
export class MarkedProjectType {
  @Field()
  markedAt!: Date;

  @Field(() => ProjectType)
  project!: ProjectType;
}

export const MarkedProjectConnection = Paginated(MarkedProjectType);

@ObjectType('InterestedParticipant', {
  description: 'A participant who marked a project 興味あり, as the viewer may see them.',
})
export class InterestedParticipantType {
  @Field()
  markedAt!: Date;

  @Field(() => ParticipantCardType)
  participant!: ParticipantCardType;
}

export const InterestedParticipantConnection = Paginated(InterestedParticipantType);

export function toMarkedProjectType(marked: MarkedProject): MarkedProjectType {
  return { markedAt: marked.markedAt, project: toProjectType(marked.project) };
}

export function toInterestedParticipantType(
  interested: InterestedParticipant,
): InterestedParticipantType {
  return { markedAt: interested.markedAt, participant: toParticipantCard(interested.view) };
}
