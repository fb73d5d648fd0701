/**
 * The commands Teams lists above the compose box. Teams sends the title as the message, so
 * every title must be something the FAQ answers (the Teams package test checks each one).
 */
export const TEAMS_COMMANDS: readonly { title: string; description: string }[] = [
  { title: 'topics', description: 'See every topic I can answer' },
  { title: 'how long is each session', description: 'How often the group meets and for how long' },
  { title: 'is it confidential', description: 'How what you say in the group stays private' },
  { title: 'do i have to share', description: 'Whether you will be made to talk or give feedback' },
  { title: 'can i leave the group', description: 'What happens if you decide to leave' },
  { title: 'do i need individual therapy', description: 'Whether you need individual therapy too' },
];
